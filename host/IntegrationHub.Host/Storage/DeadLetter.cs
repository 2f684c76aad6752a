namespace IntegrationHub.Host.Storage;

/// <summary>A message that became a dead letter for one destination, with what the destination said.</summary>
public sealed record DeadLetter(
    long MessageId,
    string FlowId,
    string Destination,
    string RecordKey,
    string BusinessKey,
    string? ErrorCode,
    string? Error,
    int Attempts,
    DateTimeOffset DeadSince,
    string Payload,
    int WaitingBehind);
