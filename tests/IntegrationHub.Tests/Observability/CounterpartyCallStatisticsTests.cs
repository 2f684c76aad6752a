using IntegrationHub.Host.Observability;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace IntegrationHub.Tests.Observability;

/// <summary>The Connectors page's numbers: calls and failures by kind over the last hour (by the minute), latency
/// percentiles within 5 %, and the circuit's state now.</summary>
public sealed class CounterpartyCallStatisticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Calls_and_failures_by_kind_count_for_an_hour_and_are_then_forgotten()
    {
        var clock = new FakeTimeProvider(Start);
        var statistics = new CounterpartyCallStatistics(clock);
        statistics.Record("igate", TimeSpan.FromMilliseconds(20), null);
        statistics.Record("igate", TimeSpan.FromMilliseconds(30), CounterpartyCallRecorder.ServerError);
        statistics.Record("igate", null, CounterpartyCallRecorder.CircuitOpen);
        clock.Advance(TimeSpan.FromMinutes(30));
        statistics.Record("igate", TimeSpan.FromMilliseconds(5000), CounterpartyCallRecorder.Timeout);
        statistics.Record("national-portal", TimeSpan.FromMilliseconds(40), null);

        var igate = statistics.Snapshot("igate");
        Assert.Equal(4, igate.Calls);
        Assert.Equal(3, igate.Failures);
        Assert.Equal(new Dictionary<string, long> { ["server_error"] = 1, ["circuit_open"] = 1, ["timeout"] = 1 }, igate.FailuresByKind);
        Assert.Equal(["igate", "national-portal"], statistics.ConnectorIds);

        // 59 minutes after the first calls they still count; a minute later only the later ones do.
        clock.Advance(TimeSpan.FromMinutes(29) + TimeSpan.FromSeconds(59));
        Assert.Equal(4, statistics.Snapshot("igate").Calls);
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = statistics.Snapshot("igate");
        Assert.Equal(1, later.Calls);
        Assert.Equal(new Dictionary<string, long> { ["timeout"] = 1 }, later.FailuresByKind);
        Assert.Equal(TimeSpan.FromMilliseconds(5000), later.LatencyP50);

        clock.Advance(TimeSpan.FromMinutes(31));
        var quiet = statistics.Snapshot("igate");
        Assert.Equal(0, quiet.Calls);
        Assert.Null(quiet.LatencyP50);
        Assert.Null(quiet.LatencyP99);
        Assert.Equal(0, statistics.Snapshot("never-called").Calls);
    }

    [Fact]
    public void Latency_percentiles_over_the_hour_are_within_five_percent()
    {
        var clock = new FakeTimeProvider(Start);
        var statistics = new CounterpartyCallStatistics(clock);
        // 1..1000 ms spread over 50 minutes, shuffled: p50 is 500 ms, p99 990 ms.
        var random = new Random(7);
        foreach (var (ms, i) in Enumerable.Range(1, 1000).OrderBy(_ => random.Next()).Select((ms, i) => (ms, i)))
        {
            if (i % 20 == 0)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }

            statistics.Record("population-db", TimeSpan.FromMilliseconds(ms), null);
        }

        var snapshot = statistics.Snapshot("population-db");
        Assert.Equal(1000, snapshot.Calls);
        Assert.InRange(snapshot.LatencyP50!.Value.TotalMilliseconds, 500, 500 * 1.05);
        Assert.InRange(snapshot.LatencyP99!.Value.TotalMilliseconds, 990, 990 * 1.05);
        Assert.True(snapshot.LatencyP99 <= TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public void The_circuit_state_is_read_now_from_the_connectors_breaker()
    {
        var statistics = new CounterpartyCallStatistics(new FakeTimeProvider(Start));
        var state = CircuitState.Closed;
        statistics.TrackCircuit("igate", () => state);
        Assert.Equal(CounterpartyCircuitState.Closed, statistics.Snapshot("igate").Circuit);
        state = CircuitState.Open;
        Assert.Equal(CounterpartyCircuitState.Open, statistics.Snapshot("igate").Circuit);
        state = CircuitState.HalfOpen;
        Assert.Equal(CounterpartyCircuitState.HalfOpen, statistics.Snapshot("igate").Circuit);
        state = CircuitState.Isolated;
        Assert.Equal(CounterpartyCircuitState.Open, statistics.Snapshot("igate").Circuit);
        Assert.Equal(CounterpartyCircuitState.Closed, statistics.Snapshot("unknown").Circuit);
    }
}
