namespace IntegrationHub.Host.Storage;

/// <summary>A message waiting to be written to one destination.</summary>
public sealed record PendingDelivery(long MessageId, string RecordKey, string BusinessKey, string Version, string Payload, int Attempts);
