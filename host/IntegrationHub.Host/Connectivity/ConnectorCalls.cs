using IntegrationHub.Host.Observability;

namespace IntegrationHub.Host.Connectivity;

/// <summary>A connector's calls to its counterparty over the last hour as <c>GET /api/connectors</c> shows them
/// (from <see cref="CounterpartyCallStatistics"/>: what this hub process called).</summary>
/// <param name="LastHourCalls">Attempts sent, and calls the open circuit refused without sending.</param>
/// <param name="LastHourFailures">Of those, the ones that failed.</param>
/// <param name="FailuresByKind">Failures by kind (<c>timeout</c>, <c>network</c>, <c>server_error</c>, <c>throttled</c>,
/// <c>circuit_open</c>, <c>request_content</c>).</param>
/// <param name="P50Ms">Median duration of the attempts sent, in milliseconds; null when none was.</param>
/// <param name="P99Ms">99th percentile, the same way.</param>
/// <param name="Circuit"><c>Closed</c>, <c>Open</c> or <c>HalfOpen</c>, now.</param>
public sealed record ConnectorCalls(
    long LastHourCalls,
    long LastHourFailures,
    IReadOnlyDictionary<string, long> FailuresByKind,
    double? P50Ms,
    double? P99Ms,
    string Circuit)
{
    public static ConnectorCalls From(CounterpartyCallSnapshot snapshot) => new(
        snapshot.Calls,
        snapshot.Failures,
        new SortedDictionary<string, long>(snapshot.FailuresByKind.ToDictionary(), StringComparer.Ordinal),
        Milliseconds(snapshot.LatencyP50),
        Milliseconds(snapshot.LatencyP99),
        snapshot.Circuit.ToString());

    private static double? Milliseconds(TimeSpan? latency) => latency is { } value ? Math.Round(value.TotalMilliseconds, 1) : null;
}
