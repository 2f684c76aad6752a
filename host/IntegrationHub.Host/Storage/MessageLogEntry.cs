namespace IntegrationHub.Host.Storage;

/// <summary>One step: received, delivered, attempt_failed, dead_lettered, replayed, discarded... with the operator
/// action behind it, if any.</summary>
public sealed record MessageLogEntry(DateTimeOffset At, string Event, string? Destination, string? Detail, int? DurationMs, long? ActionId, string? Operator, string? Reason);
