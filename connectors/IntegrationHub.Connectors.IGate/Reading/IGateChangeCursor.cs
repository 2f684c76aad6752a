using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Reading;

/// <summary>Where a change feed resumes: the timestamp and id of the last record read, saved as the checkpoint
/// <c>{"since":"...","afterId":"..."}</c>. <see cref="Since"/> keeps iGate's own text, so nothing is lost to a
/// round trip through a coarser type; the next call asks for records strictly after (since, afterId).</summary>
internal sealed record IGateChangeCursor(
    [property: JsonPropertyName("since")] string Since,
    [property: JsonPropertyName("afterId")] string AfterId)
{
    // Relaxed escaping: the default encoder writes the "+" of "+07:00" as \u002B, which is valid but unreadable
    // where admins look at checkpoints.
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary><see cref="Since"/> as ISO-8601 UTC with all seven fractional digits, as the query parameter wants.</summary>
    [JsonIgnore]
    public string SinceUtc => Parse(Since)!.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public SourceCheckpoint ToCheckpoint() => new(JsonSerializer.Serialize(this, Json));

    /// <returns>Null (read from the beginning) for a null checkpoint.</returns>
    /// <exception cref="ConnectorException">Config: the state is not such a cursor.</exception>
    public static IGateChangeCursor? From(SourceCheckpoint? checkpoint, string stream)
    {
        if (checkpoint is null)
        {
            return null;
        }

        IGateChangeCursor? cursor = null;
        try
        {
            cursor = JsonSerializer.Deserialize<IGateChangeCursor>(checkpoint.State, Json);
        }
        catch (JsonException)
        {
            // Reported below, with the state itself.
        }

        if (cursor is null || string.IsNullOrEmpty(cursor.AfterId) || Parse(cursor.Since) is null)
        {
            throw new ConnectorException(new ConnectorFailure(
                FailureKind.Config,
                "IGATE-CHECKPOINT",
                $"The {stream} checkpoint '{checkpoint.State}' is not {{\"since\":\"<ISO-8601 time>\",\"afterId\":\"<id>\"}}; reset the checkpoint of stream igate:{stream}."));
        }

        return cursor;
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
