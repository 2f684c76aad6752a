using System.Security.Cryptography;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>One upload into <see cref="FileAttachmentStore"/>: CompleteAsync idempotent, disposal without it discards.</summary>
internal sealed class FileAttachmentUpload(FileAttachmentStore store, string id, string name, string contentType) : IAttachmentUpload
{
    private readonly FileAttachmentSink _content = new(File.Create(store.PathOf(id)));
    private AttachmentReference? _reference;
    private bool _disposed;

    public Stream Content => _content;

    public async Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_reference is { } done)
        {
            return done;
        }

        await _content.DisposeAsync();
        await using (var file = File.OpenRead(store.PathOf(id)))
        {
            _reference = new AttachmentReference(id, name, contentType, file.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken)));
        }

        store.MarkCompleted(_reference);
        return _reference;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _content.DisposeAsync();
        if (_reference is null)
        {
            store.MarkDiscarded(id);
        }
    }
}
