using IntegrationHub.Contracts;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>The hub's <see cref="IAttachmentStore"/> in PostgreSQL (<c>hub.attachments</c>, <c>hub.attachment_chunks</c>):
/// content goes in as chunks of <see cref="ChunkSize"/> bytes, one insert each, and comes back out through one
/// sequential-access query, so memory per transfer is one chunk whatever the attachment's size.</summary>
public sealed class PostgresAttachmentStore(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IAttachmentStore
{
    /// <summary>1 MiB: small enough to stay far from PostgreSQL's value limits and cheap to hold, large enough that a
    /// 50 MB attachment is only 50 round trips.</summary>
    public const int ChunkSize = 1024 * 1024;

    public IAttachmentUpload BeginUpload(string name, string contentType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new PostgresAttachmentUpload(new PostgresChunkStream(dataSource, timeProvider, Guid.CreateVersion7(timeProvider.GetUtcNow()), name, contentType));
    }

    public Stream OpenRead(AttachmentReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Guid.TryParse(reference.Id, out var id)
            ? new PostgresAttachmentReadStream(dataSource, id, reference)
            : throw new FileNotFoundException($"'{reference.Id}' is not an attachment id of this hub.");
    }

    /// <summary>Deletes uploads never completed (a run that died part-way) older than <paramref name="age"/>.</summary>
    public async Task<int> DeleteAbandonedAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from hub.attachments where completed_at is null and created_at < @before");
        command.Parameters.AddWithValue("before", timeProvider.GetUtcNow() - age);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
