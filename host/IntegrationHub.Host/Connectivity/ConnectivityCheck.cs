namespace IntegrationHub.Host.Connectivity;

/// <summary>The latest connectivity check of a connector.</summary>
/// <param name="FailureKind">For a failed check: <c>Config</c> (fix the settings), <c>Transient</c> (down or slow) or
/// <c>Permanent</c>; null when it succeeded.</param>
/// <param name="Trigger"><c>schedule</c> or <c>operator</c>.</param>
/// <param name="FailingSince">When the current run of failed checks began; null while it succeeds.</param>
public sealed record ConnectivityCheck(
    string ConnectorId,
    DateTimeOffset CheckedAt,
    bool Succeeded,
    string? FailureKind,
    string? FailureCode,
    IReadOnlyList<string> Problems,
    int DurationMs,
    string Trigger,
    string? CheckedBy,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? FailingSince);
