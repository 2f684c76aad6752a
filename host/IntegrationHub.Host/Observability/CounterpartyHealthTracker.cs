using System.Collections.Concurrent;

namespace IntegrationHub.Host.Observability;

/// <summary>This host's counterparty call outcomes since the last flush to <c>hub.counterparty_health</c>: a few
/// fields per counterparty, whatever the traffic (fed by <see cref="CounterpartyCallRecorder"/>).</summary>
public sealed class CounterpartyHealthTracker(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    /// <param name="failureKind">Null when the counterparty answered.</param>
    public void Record(string connectorId, string? failureKind)
    {
        var now = timeProvider.GetUtcNow();
        var seen = _seen.GetOrAdd(connectorId, _ => new Seen());
        lock (seen)
        {
            if (failureKind is null)
            {
                seen.LastSuccess = now;
                seen.FirstFailure = null;
                seen.Failures = 0;
                return;
            }

            seen.FirstFailure ??= now;
            seen.LastFailure = now;
            seen.LastFailureKind = failureKind;
            seen.Failures++;
        }
    }

    /// <summary>What was seen since the last call, per counterparty that was called; forgets it.</summary>
    public IReadOnlyList<CounterpartyHealthObservation> Drain()
    {
        var drained = new List<CounterpartyHealthObservation>();
        foreach (var (connectorId, seen) in _seen)
        {
            lock (seen)
            {
                if (seen.LastSuccess is null && seen.LastFailure is null)
                {
                    continue;
                }

                drained.Add(new CounterpartyHealthObservation(connectorId, seen.LastSuccess, seen.FirstFailure, seen.LastFailure, seen.Failures, seen.LastFailureKind));
                seen.LastSuccess = seen.FirstFailure = seen.LastFailure = null;
                seen.LastFailureKind = null;
                seen.Failures = 0;
            }
        }

        return drained;
    }

    /// <summary>Puts back what a flush could not write (the database was away), merged with what came meanwhile.</summary>
    public void Restore(CounterpartyHealthObservation observation)
    {
        var seen = _seen.GetOrAdd(observation.ConnectorId, _ => new Seen());
        lock (seen)
        {
            var merged = new CounterpartyHealth(observation.ConnectorId, observation.LastSuccess, observation.FirstFailure, observation.LastFailure, observation.Failures, observation.LastFailureKind)
                .Merge(new CounterpartyHealthObservation(observation.ConnectorId, seen.LastSuccess, seen.FirstFailure, seen.LastFailure, seen.Failures, seen.LastFailureKind));
            seen.LastSuccess = merged.LastSuccess;
            seen.FirstFailure = merged.FailingSince;
            seen.LastFailure = merged.LastFailure;
            seen.Failures = merged.Failures;
            seen.LastFailureKind = merged.LastFailureKind;
        }
    }

    private sealed class Seen
    {
        public DateTimeOffset? LastSuccess { get; set; }

        public DateTimeOffset? FirstFailure { get; set; }

        public DateTimeOffset? LastFailure { get; set; }

        public long Failures { get; set; }

        public string? LastFailureKind { get; set; }
    }
}
