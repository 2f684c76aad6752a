using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Storage;

/// <summary>Hangfire job (Quartz-scheduled once per cluster, <c>Hub:Retention:Schedule</c>): opens the coming month's
/// partitions, then, for each month past retention, archives its finished messages, verifies the archive and removes them:
/// the partitions dropped when nothing in them is open, else only the finished messages deleted and the open ones
/// (undelivered messages, dead letters) kept until resolved, when a later run archives and drops them. Then the same for
/// the inbox's months (<see cref="InboxRetention"/>) and the audits' (<see cref="AuditRetention"/>).</summary>
public sealed class HistoryRetentionJob(
    HistoryPartitionStore partitions, HistoryArchive archive, InboxRetention inbox, AuditRetention audits, Evidence.EvidenceRetirement evidence, TimeProvider timeProvider, IOptions<HubOptions> options,
    ILogger<HistoryRetentionJob> logger)
{
    /// <returns>The message archives written in this run (the inbox's and the audits' are in their own folders).</returns>
    public async Task<IReadOnlyList<HistoryArchiveManifest>> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var current = await partitions.AdvanceAsync(now, cancellationToken);
        var keep = options.Value.Retention.Messages;
        var written = new List<HistoryArchiveManifest>();
        foreach (var partition in await partitions.PastRetentionAsync(now, keep, cancellationToken))
        {
            var open = await partitions.HasOpenAsync(partition, cancellationToken);
            var manifest = await archive.WriteAsync(partition, partitions.ReadFinishedAsync(partition, cancellationToken), now, cancellationToken);
            if (open && manifest.Messages == 0)
            {
                logger.LogInformation("History partition {Partition}: only open messages (undelivered or dead letters) left; kept", partition.Name);
                archive.Delete(manifest);
                continue;
            }

            written.Add(manifest);
            // The links of the lines about to be removed, with their events, so archived days stay provable; the
            // links themselves are removed with the lines (RemoveArchivedAsync).
            await evidence.WriteAsync(manifest.Archive, partition.FromId, partition.ToId, cancellationToken);
            if (!await partitions.RemoveArchivedAsync(partition, manifest, now, cancellationToken))
            {
                // The archive stays (it is a true copy of what was there); the next run writes it again and removes.
                logger.LogWarning("History partition {Partition} changed while it was archived; nothing removed, the next run archives it again", partition.Name);
                continue;
            }

            logger.LogInformation(
                "History partition {Partition} archived to {Archive} ({Messages} messages, {Deliveries} deliveries, {Steps} steps) and {Removal}",
                partition.Name, manifest.Files[0].Name, manifest.Messages, manifest.Deliveries, manifest.Steps,
                open ? "its finished messages removed; open ones kept until resolved" : "dropped");
        }

        var inboxArchives = await inbox.RunAsync(now, keep, cancellationToken);
        var auditArchives = await audits.RunAsync(now, options.Value.Retention.Audits, cancellationToken);
        logger.LogInformation(
            "History retention: current partition {Partition}, {Archived} message, {Inbox} inbox and {Audits} audit archive(s) written, keeping {Keep} ({KeepAudits} for audits)",
            current, written.Count, inboxArchives.Count, auditArchives.Count, keep, options.Value.Retention.Audits);
        return written;
    }
}
