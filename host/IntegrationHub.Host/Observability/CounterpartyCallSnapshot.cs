namespace IntegrationHub.Host.Observability;

/// <summary>One connector's calls to its counterparty over the last hour (by the minute), for the Connectors page.</summary>
/// <param name="Calls">Attempts sent, and calls the open circuit refused without sending.</param>
/// <param name="FailuresByKind">Failed calls by kind: <c>timeout</c>, <c>network</c>, <c>server_error</c>,
/// <c>throttled</c>, <c>circuit_open</c>, <c>request_content</c>. A 4xx answer is an answer, not a failure.</param>
/// <param name="LatencyP50">Median duration of the attempts sent (within 5 %), or null when none was.</param>
/// <param name="LatencyP99">99th percentile, the same way.</param>
public sealed record CounterpartyCallSnapshot(
    string ConnectorId,
    long Calls,
    long Failures,
    IReadOnlyDictionary<string, long> FailuresByKind,
    TimeSpan? LatencyP50,
    TimeSpan? LatencyP99,
    CounterpartyCircuitState Circuit);
