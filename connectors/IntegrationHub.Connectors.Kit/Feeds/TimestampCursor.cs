using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Kit;

/// <summary>A change feed ordered by (timestamp, id) (<c>?since={SinceUtc}&amp;afterId={AfterId}&amp;limit=n</c>): items
/// changed at the same instant are told apart by id. Saved as <c>{"since":"...","afterId":"..."}</c>;
/// <see cref="Since"/> keeps the counterparty's own text, so nothing is lost to a round trip through a coarser type.
/// <c>{"since":"...","inclusive":true}</c> (no afterId, see <see cref="At"/>) reads the feed from <see cref="Since"/>
/// inclusive: the cursor of a backfill from a time.</summary>
public sealed record TimestampCursor(
    [property: JsonPropertyName("since")] string Since,
    [property: JsonPropertyName("afterId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AfterId) : KeysetCursor
{
    // Relaxed escaping: the default encoder writes the "+" of "+07:00" as \u002B, which is valid but unreadable where
    // admins look at checkpoints.
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary><see cref="Since"/> as ISO-8601 UTC with all seven fractional digits, as a query parameter.</summary>
    [JsonIgnore]
    public string SinceUtc => Parse(Since)!.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>True: the items changed at or after <see cref="Since"/>, and <see cref="AfterId"/> is null.</summary>
    [JsonPropertyName("inclusive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Inclusive { get; init; }

    public override SourceCheckpoint ToCheckpoint() => new(JsonSerializer.Serialize(this, Json));

    /// <returns>The cursor from which the feed returns the items changed at or after <paramref name="time"/>.</returns>
    public static TimestampCursor At(DateTimeOffset time) => new(time.ToString("O", CultureInfo.InvariantCulture), null) { Inclusive = true };

    /// <returns>Null (read from the start) for no checkpoint.</returns>
    /// <exception cref="ConnectorException">Config: the state is not such a cursor.</exception>
    public static TimestampCursor? From(SourceCheckpoint? checkpoint, ConnectorIdentity connector, string stream)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (checkpoint is null)
        {
            return null;
        }

        TimestampCursor? cursor = null;
        try
        {
            cursor = JsonSerializer.Deserialize<TimestampCursor>(checkpoint.State, Json);
        }
        catch (JsonException)
        {
            // Reported below, with the state itself.
        }

        return cursor is not null && (cursor.Inclusive ? cursor.AfterId is null : !string.IsNullOrEmpty(cursor.AfterId)) && Parse(cursor.Since) is not null
            ? cursor
            : throw new ConnectorException(connector.BadCheckpoint(stream, checkpoint.State, "{\"since\":\"<ISO-8601 time>\",\"afterId\":\"<id>\"} or {\"since\":\"<ISO-8601 time>\",\"inclusive\":true}"));
    }

    /// <returns>Null when the text is not an ISO-8601 date and time (UTC when it has no offset).</returns>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && text!.Contains('T', StringComparison.Ordinal)
            ? value
            : null;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
