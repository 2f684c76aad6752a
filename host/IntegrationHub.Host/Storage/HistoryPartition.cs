namespace IntegrationHub.Host.Storage;

/// <summary>A month of history (hub.history_partitions): the messages with ids in [FromId, ToId), with their deliveries and
/// log lines, issued from <paramref name="OpenedAt"/> until <paramref name="ClosedAt"/> (null while current).</summary>
/// <param name="Archives">Archives already written for it (one that kept open dead letters is archived again later).</param>
public sealed record HistoryPartition(string Name, long FromId, long ToId, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, int Archives)
{
    /// <summary>The archive's name for its next archive: partition and generation (<c>p2026_12-1</c>).</summary>
    public string NextArchiveName => $"{Name}-{Archives + 1}";
}
