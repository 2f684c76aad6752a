using System.Net;
using System.Net.Http.Headers;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>A file of the hub's attachment store as a request body part: opened afresh and copied in bounded chunks on
/// every serialization (so a retry sends it again, and it is never held whole), its length known up front.</summary>
internal sealed class StoredFileContent : HttpContent
{
    private readonly IAttachmentStore _store;
    private readonly AttachmentReference _file;

    public StoredFileContent(IAttachmentStore store, AttachmentReference file)
    {
        _store = store;
        _file = file;
        Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var content = _store.OpenRead(_file);
        await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _file.Length;
        return true;
    }
}
