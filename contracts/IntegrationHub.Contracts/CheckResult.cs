namespace IntegrationHub.Contracts;

/// <summary>The outcome of a check; <see cref="Problems"/> lists every problem found, not only the first.</summary>
/// <param name="Failure">For a failed connectivity check, how it failed: <see cref="FailureKind.Config"/> (wrong
/// address or credentials: fix the settings) or <see cref="FailureKind.Transient"/> (the counterparty is down or slow:
/// it may pass later). Null for parameter problems and successes.</param>
public sealed record CheckResult(bool Succeeded, IReadOnlyList<string> Problems, ConnectorFailure? Failure = null)
{
    public static CheckResult Success { get; } = new(true, []);

    public static CheckResult Failed(params string[] problems) => new(false, problems);

    /// <summary>A connectivity check that failed the way <paramref name="failure"/> says.</summary>
    public static CheckResult Failed(ConnectorFailure failure) => new(false, [failure.Message], failure);
}
