using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Host.Evidence;

/// <summary>A message-log line with what makes it evidence: the operator action it belongs to and, for "received",
/// the message as stored (its payload by SHA-256).</summary>
public sealed record EvidenceLine(
    long LogId,
    long MessageId,
    string? Destination,
    string Event,
    string? Detail,
    int? DurationMs,
    DateTimeOffset At,
    string? Facts,
    long? ActionId,
    string? ActionKind,
    string? Operator,
    string? Reason,
    EvidenceMessage? Message)
{
    /// <summary>Version 1 of the canonical event (README "Evidence log"): what is hashed into the chain.</summary>
    public byte[] Canonical()
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["v"] = 1L,
            ["log_id"] = LogId,
            ["message_id"] = MessageId,
            ["event"] = Event,
            ["destination"] = Destination,
            ["detail"] = Detail,
            ["duration_ms"] = DurationMs is { } ms ? (long)ms : null,
            ["at"] = Timestamp(At),
        };
        if (Facts is not null)
        {
            using var facts = JsonDocument.Parse(Facts);
            members["facts"] = facts.RootElement.Clone();
        }

        if (ActionId is { } id)
        {
            members["action"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = id, ["kind"] = ActionKind, ["operator"] = Operator, ["reason"] = Reason,
            };
        }

        if (Message is { } message)
        {
            members["message"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["flow"] = message.FlowId,
                ["record_key"] = message.RecordKey,
                ["business_key"] = message.BusinessKey,
                ["version"] = message.Version,
                ["received_at"] = Timestamp(message.ReceivedAt),
                ["run"] = message.RunId,
                ["payload_sha256"] = Convert.ToHexStringLower(message.PayloadSha256),
            };
        }

        return CanonicalJson.Encode(members);
    }

    /// <summary>UTC, always six fraction digits (PostgreSQL keeps microseconds).</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
