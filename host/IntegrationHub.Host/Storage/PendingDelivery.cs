namespace IntegrationHub.Host.Storage;

/// <summary>A message waiting to be written to one destination.</summary>
/// <param name="ReceivedAt">When the message was made durable (its delivery latency runs from here).</param>
/// <param name="TraceParent">The message's trace context; its delivery attempts are spans of that trace.</param>
public sealed record PendingDelivery(
    long MessageId, string RecordKey, string BusinessKey, string Version, string Payload, int Attempts,
    DateTimeOffset ReceivedAt = default, string? TraceParent = null);
