using System.Text.Json;

namespace IntegrationHub.Host.Storage;

/// <summary>What PostgreSQL's jsonb would refuse. A record it refuses is kept as a dead letter instead of failing
/// the whole commit, which would stop its flow at the same page on every run.</summary>
public static class PayloadCheck
{
    public const string ErrorCode = "INVALID_PAYLOAD";

    /// <returns>Null when the payload can be stored, else why not.</returns>
    public static string? Problem(string payload)
    {
        if (payload.Contains("\\u0000", StringComparison.Ordinal))
        {
            return "The payload contains \\u0000, which PostgreSQL cannot store in jsonb.";
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return null;
        }
        catch (JsonException e)
        {
            return "The payload is not JSON: " + e.Message;
        }
    }

    /// <summary>The raw text, kept for the dead letter as a JSON string.</summary>
    public static string Wrap(string payload) => JsonSerializer.Serialize(new { invalidPayload = payload.Replace("\0", string.Empty, StringComparison.Ordinal) });
}
