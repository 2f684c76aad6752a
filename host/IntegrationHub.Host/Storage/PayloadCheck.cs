using System.Text;
using System.Text.Json;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Storage;

/// <summary>What PostgreSQL's jsonb would refuse, and the form a payload is kept in (its strings in NFC). A record it
/// refuses is kept as a dead letter instead of failing the whole commit, which would stop its flow at the same page on
/// every run.</summary>
public static class PayloadCheck
{
    public const string ErrorCode = "INVALID_PAYLOAD";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="storable">The payload with its strings in NFC (the payload itself when they already are).</param>
    /// <returns>Null when the payload can be stored, else why not.</returns>
    public static string? Problem(string payload, out string storable)
    {
        storable = payload;
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(payload);
        }
        catch (EncoderFallbackException)
        {
            return "The payload holds an unpaired surrogate, which PostgreSQL cannot store.";
        }

        if (JsonTextInspector.Inspect(bytes, JsonTextInspector.DefaultMaxDepth, out var text, refuseDuplicates: false) is { } problem)
        {
            return problem.Code == JsonTextProblem.MalformedJson ? $"The payload is not JSON: {problem.Message}" : $"The payload cannot be stored in jsonb: {problem.Message}";
        }

        if (!text.Span.Overlaps(bytes))
        {
            storable = Encoding.UTF8.GetString(text.Span);
        }

        return null;
    }

    /// <summary>The raw text, kept for the dead letter as a JSON string (what cannot be stored replaced by U+FFFD).</summary>
    public static string Wrap(string payload) => JsonSerializer.Serialize(new { invalidPayload = StorableText.Sanitize(payload) });
}
