namespace IntegrationHub.Host.Storage;

/// <summary>One step of a message's life with the message it belongs to: a row of a business key's history export.</summary>
public sealed record MessageHistoryStep(long MessageId, string FlowId, string RecordKey, string Version, DateTimeOffset ReceivedAt, MessageLogEntry Step);
