using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Where a keyset-paginated feed resumes: the key of the last item read. The next page holds the items
/// strictly after it, so nothing is read twice or skipped, however the feed grows between calls. Two shapes, one per
/// kind of feed: <see cref="SequenceCursor"/> (a sequence number) and <see cref="TimestampCursor"/> (a timestamp with
/// the id that orders items changed at the same time).</summary>
public abstract record KeysetCursor
{
    /// <summary>The checkpoint the host saves once every record before it is durable.</summary>
    public abstract SourceCheckpoint ToCheckpoint();
}
