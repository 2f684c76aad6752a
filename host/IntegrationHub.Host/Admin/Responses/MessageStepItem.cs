namespace IntegrationHub.Host.Admin.Responses;

/// <summary>One step of a message's life: received, an attempt, dead_lettered, replayed, discarded, delivered, skipped...</summary>
/// <param name="ActionId">The operator action behind the step (a replay, a discard), with who and why.</param>
public sealed record MessageStepItem(
    DateTimeOffset At,
    string Event,
    string? Destination,
    string Detail,
    int? DurationMs,
    long? ActionId,
    string? Operator,
    string? Reason);
