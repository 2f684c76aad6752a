using System.Collections.Concurrent;
using IntegrationHub.Connectors.Tests.DocumentExchange;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.ECopy;

/// <summary>The test attachment store seen through content addresses: the same bytes uploaded again get the reference
/// they got the first time. The acceptance suite compares whole payloads of a re-read, and a source whose records
/// carry store-assigned attachment ids re-uploads each file on a re-read (the hub keeps one message per certificate
/// regardless: its version is the same).</summary>
internal sealed class SameBytesSameReferenceStore(FileAttachmentStore files) : IAttachmentStore, IDisposable
{
    private readonly ConcurrentDictionary<string, AttachmentReference> _first = new(StringComparer.Ordinal);

    public IAttachmentUpload BeginUpload(string name, string contentType) => new Upload(this, files.BeginUpload(name, contentType));

    public Stream OpenRead(AttachmentReference reference) => files.OpenRead(reference);

    public void Dispose() => files.Dispose();

    private sealed class Upload(SameBytesSameReferenceStore store, IAttachmentUpload inner) : IAttachmentUpload
    {
        public Stream Content => inner.Content;

        public async Task<AttachmentReference> CompleteAsync(CancellationToken cancellationToken)
        {
            var reference = await inner.CompleteAsync(cancellationToken);
            return store._first.GetOrAdd($"{reference.Name}\n{reference.Sha256}", reference);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
