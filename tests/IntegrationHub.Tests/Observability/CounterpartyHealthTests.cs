using IntegrationHub.Host.Observability;

namespace IntegrationHub.Tests.Observability;

/// <summary>How hosts' observations of a counterparty's calls merge into the cluster's view: a success newer than every
/// failure ends the episode; otherwise it began at the earliest failure after the newest success.</summary>
public sealed class CounterpartyHealthTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    private static CounterpartyHealthObservation Seen(int? success, int? firstFailure, int? lastFailure, long failures) =>
        new("igate", At(success), At(firstFailure), At(lastFailure), failures, lastFailure is null ? null : "server_error");

    private static DateTimeOffset? At(int? second) => second is { } s ? T0.AddSeconds(s) : null;

    [Fact]
    public void Failures_from_several_hosts_make_one_episode_from_the_earliest_and_a_newer_success_ends_it()
    {
        var empty = new CounterpartyHealth("igate", null, null, null, 0, null);
        var one = empty.Merge(Seen(null, 10, 20, 3));
        Assert.Equal(At(10), one.FailingSince);
        var two = one.Merge(Seen(null, 5, 25, 2));
        Assert.Equal(At(5), two.FailingSince);
        Assert.Equal(5, two.Failures);
        Assert.Equal(At(25), two.LastFailure);

        var healed = two.Merge(Seen(30, null, null, 0));
        Assert.Null(healed.FailingSince);
        Assert.Equal(0, healed.Failures);
        Assert.Equal(At(30), healed.LastSuccess);
    }

    [Fact]
    public void A_success_older_than_the_failures_seen_elsewhere_does_not_end_the_episode()
    {
        var failing = new CounterpartyHealth("igate", At(0), At(10), At(40), 6, "timeout");

        // Another host's success at 20 is older than the failure at 40: still failing, since after that success.
        var merged = failing.Merge(Seen(20, null, null, 0));
        Assert.Equal(At(40), merged.FailingSince);
        Assert.Equal(At(20), merged.LastSuccess);

        // A host whose own calls failed after its success at 15 keeps its episode start.
        var mixed = failing.Merge(Seen(15, 16, 30, 4));
        Assert.Equal(At(16), mixed.FailingSince);
        Assert.Equal("timeout", mixed.LastFailureKind);
    }
}
