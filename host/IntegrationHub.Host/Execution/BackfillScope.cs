using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Execution;

/// <summary>Where a backfill reads: from <paramref name="From"/>, until the source ends or <paramref name="Reached"/>
/// says a checkpoint is past its end (every record before that checkpoint is committed, nothing after it is read).</summary>
public sealed record BackfillScope(SourceCheckpoint From, Func<SourceCheckpoint, bool> Reached)
{
    public static BackfillScope ToTheEnd(SourceCheckpoint from) => new(from, static _ => false);
}
