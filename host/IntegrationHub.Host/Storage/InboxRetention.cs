namespace IntegrationHub.Host.Storage;

/// <summary>The inbox's part of the retention run: each month of pushed messages past retention is archived (the
/// <c>inbox</c> folder of the archive, verified), then dropped with its replay-guard keys; messages still to be routed or
/// parked for an operator are kept, and archived by a later run once finished.</summary>
public sealed class InboxRetention(InboxPartitionStore partitions, HistoryArchive archive, ILogger<InboxRetention> logger)
{
    public const string Folder = "inbox";

    public HistoryArchive Archive { get; } = archive.Kind(Folder);

    /// <returns>The inbox archives written.</returns>
    public async Task<IReadOnlyList<HistoryArchiveManifest>> RunAsync(DateTimeOffset now, TimeSpan keep, CancellationToken cancellationToken)
    {
        var written = new List<HistoryArchiveManifest>();
        foreach (var partition in await partitions.PastRetentionAsync(now, keep, cancellationToken))
        {
            var open = await partitions.HasOpenAsync(partition, cancellationToken);
            var manifest = await Archive.WriteAsync(partition, partitions.ReadFinishedAsync(partition, cancellationToken), now, cancellationToken);
            if (open && manifest.Messages == 0)
            {
                logger.LogInformation("Inbox partition {Partition}: only messages still to be routed or parked are left; kept", partition.Name);
                Archive.Delete(manifest);
                continue;
            }

            written.Add(manifest);
            var dropped = await partitions.RemoveArchivedAsync(partition, manifest, now, cancellationToken);
            if (dropped is null)
            {
                // The archive stays (a true copy of what was there); the next run writes it again and removes.
                logger.LogWarning("Inbox partition {Partition} changed while it was archived; nothing removed, the next run archives it again", partition.Name);
                continue;
            }

            logger.LogInformation("Inbox partition {Partition} archived to {Archive} ({Messages} messages) and {Removal}",
                partition.Name, manifest.Files[0].Name, manifest.Messages,
                dropped.Value ? "dropped" : "its finished messages removed; those to be routed or parked kept");
        }

        return written;
    }
}
