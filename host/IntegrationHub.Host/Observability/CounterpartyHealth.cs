namespace IntegrationHub.Host.Observability;

/// <summary>A counterparty's calls as the whole cluster saw them (<c>hub.counterparty_health</c>).</summary>
/// <param name="FailingSince">The first failure after the newest success anywhere; null while calls succeed.</param>
/// <param name="Failures">Failed calls since <paramref name="FailingSince"/>.</param>
public sealed record CounterpartyHealth(
    string ConnectorId, DateTimeOffset? LastSuccess, DateTimeOffset? FailingSince, DateTimeOffset? LastFailure, long Failures, string? LastFailureKind)
{
    /// <summary>Adds one host's observation: a success newer than every failure known ends the episode; otherwise the
    /// episode began at the earliest failure known after the newest success.</summary>
    public CounterpartyHealth Merge(CounterpartyHealthObservation seen)
    {
        var success = Latest(LastSuccess, seen.LastSuccess);
        var failure = Latest(LastFailure, seen.LastFailure);
        var kind = seen.LastFailure is { } mine && (LastFailure is null || mine >= LastFailure) ? seen.LastFailureKind : LastFailureKind;
        if (failure is null || (success is { } s && s >= failure))
        {
            return new CounterpartyHealth(ConnectorId, success, null, failure, 0, kind);
        }

        // Failures known after the newest success: each side's episode counts if it began after it; one that began
        // before it (another host's success came in between) still failed until its last failure.
        DateTimeOffset? since = null;
        long failures = 0;
        foreach (var (first, last, count) in new[] { (FailingSince, LastFailure, Failures), (seen.FirstFailure, seen.LastFailure, seen.Failures) })
        {
            if (first is { } began && (success is null || began > success))
            {
                since = Earliest(since, began);
                failures += count;
            }
            else if (last is { } ended && success is { } after && ended > after)
            {
                since = Earliest(since, ended);
                failures++;
            }
        }

        return new CounterpartyHealth(ConnectorId, success, since, failure, failures, kind);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;
}
