using System.Globalization;
using System.Text.Json;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Reading;

/// <summary>One of iGate's change feeds as a source stream: where it is, which fields make its keyset, and how an item
/// becomes a <see cref="SourceRecord"/>.</summary>
/// <param name="IdField">The keyset's tie-breaker, sent back as afterId.</param>
/// <param name="TimestampField">The keyset's timestamp, sent back as since.</param>
/// <param name="ToRecord">Item and its raw JSON to a record; null when a field it needs is missing or mistyped.</param>
internal sealed record IGateChangeFeed(
    string Stream,
    string Path,
    string IdField,
    string TimestampField,
    Func<JsonElement, string, SourceRecord?> ToRecord)
{
    /// <summary>Each dossier's latest version; the hub skips a version it has seen for that maHoSo.</summary>
    public static IGateChangeFeed Dossiers { get; } = new(
        IGateConnector.DossiersStream,
        IGateUrls.DossierChanges,
        "maHoSo",
        "updatedAt",
        (item, json) => Text(item, "maHoSo") is { } maHoSo && Number(item, "version") is { } version
            ? new SourceRecord(maHoSo, json, maHoSo, version.ToString(CultureInfo.InvariantCulture))
            : null);

    /// <summary>Progress entries, keyed by maHoSo so the hub keeps one dossier's entries in order; stt is the version.</summary>
    public static IGateChangeFeed Progress { get; } = new(
        IGateConnector.ProgressStream,
        IGateUrls.ProgressChanges,
        "id",
        "recordedAt",
        (item, json) => Text(item, "maHoSo") is { } maHoSo && Number(item, "stt") is { } stt
            ? new SourceRecord(maHoSo, json, maHoSo, stt.ToString(CultureInfo.InvariantCulture))
            : null);

    public static IGateChangeFeed? Find(string stream) => stream switch
    {
        IGateConnector.DossiersStream => Dossiers,
        IGateConnector.ProgressStream => Progress,
        _ => null,
    };

    public static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static int? Number(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}
