namespace IntegrationHub.Contracts;

/// <summary>A classified failure. Only <see cref="FailureKind.Transient"/> is retried.</summary>
/// <param name="Code">Machine-readable code, e.g. the counterparty's error code.</param>
public sealed record ConnectorFailure(FailureKind Kind, string Code, string Message, TimeSpan? RetryAfter = null);
