using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Storage;

/// <summary>One attachment being written to <see cref="PostgresAttachmentStore"/>; disposed without completing, it is deleted.</summary>
internal sealed class PostgresAttachmentUpload(PostgresChunkStream content) : IAttachmentUpload
{
    public Stream Content => content;

    public Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken) => content.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => content.AbandonAsync();
}
