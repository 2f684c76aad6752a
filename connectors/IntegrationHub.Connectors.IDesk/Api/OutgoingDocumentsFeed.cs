using System.Globalization;
using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IDesk.Api;

/// <summary>iDesk's outgoing documents for the kit's keyset reader, after a sequence number: each fetched as a stream
/// with its attachments sent into the attachment store, yielded as a record (key DocumentId, version "1") and followed
/// by its own checkpoint, so a run stopped after a large document does not fetch it again. A document that is not valid
/// edXML stops the read (Permanent, with the edXML code): iDesk must fix it, and nothing after it is skipped.</summary>
internal sealed class OutgoingDocumentsFeed(EdXmlHttpApi api, DocumentDownload download, IDeskOptions options, TimeProvider clock)
    : IKeysetFeed<EdXmlListItem, SequenceCursor>
{
    public string Stream => IDeskConnector.OutgoingStream;

    public bool CheckpointEachItem => true;

    public Task<KeysetPage<EdXmlListItem>> FetchAsync(SequenceCursor? after, CancellationToken cancellationToken) =>
        api.PageAsync(IDeskUrls.Outgoing, [], after, options.PageSize, cancellationToken);

    public async ValueTask<SourceRecord?> ToRecordAsync(EdXmlListItem item, CancellationToken cancellationToken)
    {
        var document = await FetchAsync(item, cancellationToken).ConfigureAwait(false);
        return new SourceRecord(document.DocumentId, HubDocumentJson.Serialize(document), document.DocumentId, "1");
    }

    public SequenceCursor CursorOf(EdXmlListItem item) => new(item.Seq);

    private async Task<HubDocument> FetchAsync(EdXmlListItem item, CancellationToken cancellationToken)
    {
        var documentId = item.DocumentId ?? throw new ConnectorException(
            api.Failures.Malformed($"outgoing entry #{item.Seq.ToString(CultureInfo.InvariantCulture)} has no documentId"));
        try
        {
            return await download.FetchAsync(api, IDeskUrls.OutgoingContent, [new("documentId", documentId)], options.DownloadIdleTimeout, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (EdXmlException ex)
        {
            throw new ConnectorException(EdXmlHttpFailures.Invalid(ex) with
            {
                Message = $"iDesk's outgoing document {documentId} is not valid edXML: {ex.Message}",
            }, ex);
        }
    }
}
