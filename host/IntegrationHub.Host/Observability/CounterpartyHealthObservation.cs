namespace IntegrationHub.Host.Observability;

/// <summary>What one host saw of a counterparty's calls since it last told the database.</summary>
/// <param name="LastSuccess">The last call that was answered, if any.</param>
/// <param name="FirstFailure">The first failed call after <paramref name="LastSuccess"/> (or of the period), if any.</param>
/// <param name="LastFailure">The last failed call, if any.</param>
/// <param name="Failures">Failed calls after <paramref name="LastSuccess"/>.</param>
/// <param name="LastFailureKind">The kind of the last failure (<c>timeout</c>, <c>network</c>, ...).</param>
public sealed record CounterpartyHealthObservation(
    string ConnectorId, DateTimeOffset? LastSuccess, DateTimeOffset? FirstFailure, DateTimeOffset? LastFailure, long Failures, string? LastFailureKind);
