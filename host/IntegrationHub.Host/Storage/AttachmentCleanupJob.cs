using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Storage;

/// <summary>Hangfire job: removes attachment uploads a run abandoned part-way (its process died before it could
/// discard them), so their chunks do not fill the database.</summary>
public sealed class AttachmentCleanupJob(PostgresAttachmentStore store, IOptions<HubOptions> options, ILogger<AttachmentCleanupJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var removed = await store.DeleteAbandonedAsync(options.Value.Attachments.AbandonedAfter, cancellationToken);
        logger.LogInformation("Attachment cleanup: {Removed} abandoned upload(s) older than {Age} removed", removed, options.Value.Attachments.AbandonedAfter);
        return removed;
    }
}
