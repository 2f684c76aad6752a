namespace IntegrationHub.Host.Storage;

/// <summary>One message and every step of its life, in order.</summary>
/// <param name="Archived">Read back from the archive folder: no longer in the database.</param>
/// <param name="TraceId">The message's trace (W3C trace id, 32 hex digits): a partner's own when it sent a traceparent.</param>
public sealed record MessageHistory(
    long MessageId,
    string FlowId,
    string RecordKey,
    string BusinessKey,
    string Version,
    DateTimeOffset ReceivedAt,
    string Payload,
    IReadOnlyList<MessageDeliveryState> Deliveries,
    IReadOnlyList<MessageLogEntry> Steps,
    string? TraceId = null,
    bool Archived = false);
