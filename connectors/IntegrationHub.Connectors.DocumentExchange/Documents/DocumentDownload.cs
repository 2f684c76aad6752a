using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Documents;

/// <summary>Reads an edXML envelope from a stream, sending each attachment straight into the hub's attachment store,
/// and returns the document with references only. If the envelope is rejected part-way, the attachments already
/// stored are discarded and the <see cref="EdXmlException"/> surfaces.</summary>
public sealed class DocumentDownload(IAttachmentStore store)
{
    private readonly EdXmlReader _reader = new();

    /// <summary>GETs an edXML document and reads it as <see cref="ReadAsync"/> does, the body guarded by an idle timeout
    /// (the resilience pipeline's timeouts end with the response headers). A body that breaks off or stalls is a
    /// transient <see cref="ConnectorException"/>; content that is not valid edXML surfaces as <see cref="EdXmlException"/>
    /// for the caller to answer as its counterparty expects.</summary>
    public async Task<HubDocument> FetchAsync(
        EdXmlHttpApi api, string path, IEnumerable<KeyValuePair<string, string>> query, TimeSpan idleTimeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var response = await api.OpenAsync(path, query, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var body = new IdleTimeoutStream(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), idleTimeout, clock, cancellationToken);
            return await ReadAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException(api.Failures.FromException(ex), ex);
        }
    }

    public async Task<HubDocument> ReadAsync(Stream edXml, CancellationToken cancellationToken)
    {
        var uploads = new List<(EdXmlAttachmentInfo Info, IAttachmentUpload Upload)>();
        HubDocument document;
        try
        {
            document = await ReadIntoAsync(edXml, uploads, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DiscardAsync(uploads).ConfigureAwait(false);
            throw;
        }

        foreach (var (_, upload) in uploads)
        {
            await upload.DisposeAsync().ConfigureAwait(false);
        }

        return document;
    }

    private async Task<HubDocument> ReadIntoAsync(Stream edXml, List<(EdXmlAttachmentInfo Info, IAttachmentUpload Upload)> uploads, CancellationToken cancellationToken)
    {
        var envelope = await _reader.ReadAsync(edXml, info =>
        {
            var upload = store.BeginUpload(info.AttachmentName, info.ContentType);
            uploads.Add((info, upload));
            return upload.Content;
        }, cancellationToken).ConfigureAwait(false);

        var attachments = new List<HubAttachment>(uploads.Count);
        foreach (var (info, upload) in uploads)
        {
            attachments.Add(new HubAttachment
            {
                ContentId = info.ContentId,
                Description = info.Description,
                Stored = await upload.CompleteAsync(cancellationToken).ConfigureAwait(false),
            });
        }

        return new HubDocument
        {
            DocumentId = envelope.Header.DocumentId,
            Header = envelope.Header,
            TraceHeaderList = envelope.TraceHeaderList,
            Attachments = attachments,
        };
    }

    /// <summary>Disposes (so discards) every upload after a failure, keeping that failure: what the caller must see is
    /// why the document was not read (an edXML code decides whether it is rejected), not that the cleanup failed too.
    /// An upload left behind is removed later as abandoned.</summary>
    private static async Task DiscardAsync(List<(EdXmlAttachmentInfo Info, IAttachmentUpload Upload)> uploads)
    {
        foreach (var (_, upload) in uploads)
        {
            try
            {
                await upload.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Deliberately swallowed: see the summary.
            }
        }
    }
}
