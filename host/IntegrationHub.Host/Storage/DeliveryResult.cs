namespace IntegrationHub.Host.Storage;

/// <summary>What one delivery attempt did to a message's delivery row, and the log line it leaves.</summary>
/// <param name="Reference">Delivered: the counterparty's reference of what it made of the message, if it gave one.</param>
/// <param name="Note">The log line's detail when there is no error: why a message was skipped, or the reference.</param>
public sealed record DeliveryResult(
    long MessageId,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? ErrorCode,
    string? Error,
    string Event,
    int DurationMs,
    string? Reference = null,
    string? Note = null);
