namespace IntegrationHub.Host.Storage;

/// <summary>What one delivery attempt did to a message's delivery row, and the log line it leaves.</summary>
public sealed record DeliveryResult(
    long MessageId,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? ErrorCode,
    string? Error,
    string Event,
    int DurationMs);
