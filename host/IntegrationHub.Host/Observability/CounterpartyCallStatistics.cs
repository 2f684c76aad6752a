using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace IntegrationHub.Host.Observability;

/// <summary>Rolling, in-process statistics of each connector's calls to its counterparty over the last hour, kept per
/// minute: calls, failures by kind, latency percentiles (a log-scale histogram, 5 % wide buckets, so memory stays
/// bounded whatever the traffic) and the circuit's state now. Fed by the same call path as the metrics
/// (<see cref="CounterpartyCallRecorder"/>). Per host: in a cluster each host tells what it called.</summary>
public sealed class CounterpartyCallStatistics(TimeProvider timeProvider)
{
    /// <summary>How far back a snapshot looks; the current minute counts as one of its 60.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private const int Minutes = 60;
    private readonly ConcurrentDictionary<string, RollingWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<CircuitState>> _circuits = new(StringComparer.Ordinal);

    /// <param name="latency">The attempt's duration; null for a call refused without being sent (open circuit).</param>
    /// <param name="failureKind">Null when the counterparty answered.</param>
    public void Record(string connectorId, TimeSpan? latency, string? failureKind) =>
        _windows.GetOrAdd(connectorId, _ => new RollingWindow()).Add(CurrentMinute(), latency, failureKind);

    /// <summary>Where a connector's circuit state is read from (its Polly pipeline's state provider).</summary>
    public void TrackCircuit(string connectorId, Func<CircuitState> state) => _circuits[connectorId] = state;

    public CounterpartyCircuitState CircuitOf(string connectorId) =>
        _circuits.TryGetValue(connectorId, out var state) ? Map(state()) : CounterpartyCircuitState.Closed;

    /// <summary>Connectors that were called or have a circuit, by id.</summary>
    public IReadOnlyList<string> ConnectorIds => [.. _windows.Keys.Union(_circuits.Keys).Order(StringComparer.Ordinal)];

    public IReadOnlyList<CounterpartyCallSnapshot> Snapshots() => [.. ConnectorIds.Select(Snapshot)];

    public CounterpartyCallSnapshot Snapshot(string connectorId)
    {
        var circuit = CircuitOf(connectorId);
        return _windows.TryGetValue(connectorId, out var window)
            ? window.Snapshot(connectorId, CurrentMinute(), circuit)
            : new CounterpartyCallSnapshot(connectorId, 0, 0, new Dictionary<string, long>(), null, null, circuit);
    }

    private long CurrentMinute() => timeProvider.GetUtcNow().ToUnixTimeSeconds() / 60;

    private static CounterpartyCircuitState Map(CircuitState state) => state switch
    {
        CircuitState.Closed => CounterpartyCircuitState.Closed,
        CircuitState.HalfOpen => CounterpartyCircuitState.HalfOpen,
        _ => CounterpartyCircuitState.Open,
    };

    /// <summary>A ring of 60 minute slots; a slot is reset when a new minute lands on it.</summary>
    private sealed class RollingWindow
    {
        private readonly Slot[] _slots = [.. Enumerable.Range(0, Minutes).Select(_ => new Slot())];
        private readonly Lock _lock = new();

        public void Add(long minute, TimeSpan? latency, string? failureKind)
        {
            lock (_lock)
            {
                var slot = _slots[minute % Minutes];
                if (slot.Minute != minute)
                {
                    slot.Reset(minute);
                }

                slot.Calls++;
                if (failureKind is not null)
                {
                    slot.Failures[failureKind] = slot.Failures.GetValueOrDefault(failureKind) + 1;
                }

                if (latency is { } duration)
                {
                    slot.Latencies ??= new long[LatencyBuckets.Count];
                    slot.Latencies[LatencyBuckets.IndexOf(duration)]++;
                    slot.MaxLatency = duration > slot.MaxLatency ? duration : slot.MaxLatency;
                }
            }
        }

        public CounterpartyCallSnapshot Snapshot(string connectorId, long minute, CounterpartyCircuitState circuit)
        {
            long calls = 0;
            var failures = new Dictionary<string, long>(StringComparer.Ordinal);
            var latencies = new long[LatencyBuckets.Count];
            var max = TimeSpan.Zero;
            lock (_lock)
            {
                foreach (var slot in _slots.Where(s => s.Minute > minute - Minutes && s.Minute <= minute))
                {
                    calls += slot.Calls;
                    foreach (var (kind, count) in slot.Failures)
                    {
                        failures[kind] = failures.GetValueOrDefault(kind) + count;
                    }

                    if (slot.Latencies is not null)
                    {
                        for (var i = 0; i < latencies.Length; i++)
                        {
                            latencies[i] += slot.Latencies[i];
                        }

                        max = slot.MaxLatency > max ? slot.MaxLatency : max;
                    }
                }
            }

            return new CounterpartyCallSnapshot(connectorId, calls, failures.Values.Sum(), failures,
                LatencyBuckets.Percentile(latencies, 0.50, max), LatencyBuckets.Percentile(latencies, 0.99, max), circuit);
        }
    }

    private sealed class Slot
    {
        public long Minute { get; private set; } = long.MinValue;

        public long Calls { get; set; }

        public Dictionary<string, long> Failures { get; } = new(StringComparer.Ordinal);

        public long[]? Latencies { get; set; }

        public TimeSpan MaxLatency { get; set; }

        public void Reset(long minute)
        {
            Minute = minute;
            Calls = 0;
            Failures.Clear();
            if (Latencies is not null)
            {
                Array.Clear(Latencies);
            }

            MaxLatency = TimeSpan.Zero;
        }
    }

    /// <summary>Bucket i holds durations up to 0.1 ms × 1.05^i: 5 % wide from 0.1 ms to 10 minutes, then one overflow.</summary>
    private static class LatencyBuckets
    {
        private const double SmallestMs = 0.1;
        private const double Growth = 1.05;

        public static readonly int Count = (int)Math.Ceiling(Math.Log(TimeSpan.FromMinutes(10).TotalMilliseconds / SmallestMs) / Math.Log(Growth)) + 2;

        public static int IndexOf(TimeSpan duration)
        {
            var ms = duration.TotalMilliseconds;
            return ms <= SmallestMs ? 0 : Math.Min(Count - 1, (int)Math.Ceiling(Math.Log(ms / SmallestMs) / Math.Log(Growth)));
        }

        /// <summary>The upper bound of the bucket holding the rank's duration, never above the largest seen.</summary>
        public static TimeSpan? Percentile(long[] counts, double percentile, TimeSpan max)
        {
            var total = counts.Sum();
            if (total == 0)
            {
                return null;
            }

            var rank = Math.Max(1, (long)Math.Ceiling(percentile * total));
            long seen = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                seen += counts[i];
                if (seen >= rank)
                {
                    var upper = TimeSpan.FromMilliseconds(SmallestMs * Math.Pow(Growth, i));
                    return upper < max ? upper : max;
                }
            }

            return max;
        }
    }
}
