using System.Globalization;
using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IDesk.Api;

/// <summary>Reads iDesk's outgoing documents after a sequence number: each fetched as a stream with its attachments
/// sent into the attachment store, yielded as a record (key DocumentId, version "1") and followed by its own
/// checkpoint, so a run stopped after a large document does not fetch it again. A document that is not valid edXML
/// stops the read (Permanent, with the edXML code): iDesk must fix it, and nothing after it is skipped.</summary>
internal sealed class OutgoingDocumentsReader(EdXmlHttpApi api, DocumentDownload download, IDeskOptions options, TimeProvider clock)
{
    public async IAsyncEnumerable<SourceItem> ReadAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await api.GetJsonAsync<EdXmlListPage>(
                IDeskUrls.Outgoing, [EdXmlHttpApi.Query("after", after), EdXmlHttpApi.Query("limit", options.PageSize)], cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                var document = await FetchAsync(item, cancellationToken).ConfigureAwait(false);
                yield return new SourceRecord(document.DocumentId, HubDocumentJson.Serialize(document), document.DocumentId, "1");
                after = item.Seq;
                yield return FeedCursor.To(after);
            }

            if (!page.HasMore || page.Items.Count == 0)
            {
                yield break;
            }
        }
    }

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
