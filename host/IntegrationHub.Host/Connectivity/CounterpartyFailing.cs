namespace IntegrationHub.Host.Connectivity;

/// <summary>A counterparty every call to which (from any host) has failed for at least <c>Hub:Counterparties:FailingAlertAfter</c>.</summary>
/// <param name="Since">The first failed call after the last answered one.</param>
/// <param name="Failures">Failed calls since then.</param>
/// <param name="LastFailureKind"><c>timeout</c>, <c>network</c>, <c>server_error</c>, <c>throttled</c>, <c>circuit_open</c> or <c>request_content</c>.</param>
public sealed record CounterpartyFailing(DateTimeOffset Since, long Failures, string? LastFailureKind);
