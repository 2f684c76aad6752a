using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Where a message's time to 'delivered' went, p50/p99 of each part in milliseconds: <c>Committed</c> from its
/// received_at (the run's or the router's append) to that transaction's commit, <c>Waited</c> from the commit to the start
/// of its delivery write (claims and batches before it), <c>Write</c> the write itself, <c>Recorded</c> from the write's end
/// to the commit of its outcome; <c>Batches</c> the delivery batches the messages went in, and <c>Between</c> from one
/// batch's write end to the next one's write start (claim and preparation; the recording too unless pipelined, and any
/// idle time when nothing was due). Commit times come from
/// PostgreSQL's track_commit_timestamp, which the rig turns on.</summary>
internal sealed record LatencySplit(
    double CommittedP50, double CommittedP99, double WaitedP50, double WaitedP99, double WriteP50, double WriteP99, double RecordedP50, double RecordedP99, long Batches,
    double BetweenP50, double BetweenP99)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"committed {CommittedP50:N0}/{CommittedP99:N0}, waited {WaitedP50:N0}/{WaitedP99:N0}, write {WriteP50:N0}/{WriteP99:N0}, recorded {RecordedP50:N0}/{RecordedP99:N0} ms p50/p99; {Batches:N0} batches, between writes {BetweenP50:N0}/{BetweenP99:N0} ms");
}
