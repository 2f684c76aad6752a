namespace IntegrationHub.Host.Storage;

/// <summary>One message and every step of its life, in order.</summary>
public sealed record MessageHistory(
    long MessageId,
    string FlowId,
    string RecordKey,
    string BusinessKey,
    string Version,
    DateTimeOffset ReceivedAt,
    string Payload,
    IReadOnlyList<MessageDeliveryState> Deliveries,
    IReadOnlyList<MessageLogEntry> Steps);
