using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.DocumentExchange.Exchange;

/// <summary>Reads the documents waiting for the province: lists them, fetches each one not already seen as a
/// stream, sends its attachments into the attachment store, and yields the document (key DocumentId, version "1": a
/// DocumentId names one immutable document, so a re-listed one is never a new message) followed by a checkpoint.
/// A document that is not valid edXML is answered with status 02 (rejected) carrying the edXML error code, as a
/// receiving office would, so the platform stops listing it and its sender learns why.</summary>
internal sealed class ReceivedDocumentsReader(ConnectorIdentity connector, EdXmlHttpApi api, ExchangeOptions options, DocumentDownload download, TimeProvider clock, ILogger logger)
{
    public const string DocumentVersion = "1";

    public async IAsyncEnumerable<SourceItem> ReadAsync(SourceCheckpoint? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = SeenDocuments.From(checkpoint, connector, ExchangeConnector.ReceivedStream);
        var listed = await api.GetJsonAsync<ExchangeReceivedList>(ExchangeUrls.Received, [new("organId", options.OrganId)], cancellationToken).ConfigureAwait(false);
        seen.IntersectWith(listed.Items.Select(i => i.DocumentId));
        var fetched = 0;
        foreach (var item in listed.Items.Where(i => !seen.Contains(i.DocumentId)))
        {
            var document = await FetchAsync(item, cancellationToken).ConfigureAwait(false);
            if (document is not null)
            {
                yield return new SourceRecord(document.DocumentId, HubDocumentJson.Serialize(document), document.DocumentId, DocumentVersion);
            }

            seen.Add(item.DocumentId);
            fetched++;
            yield return new SeenDocuments([.. seen]).ToCheckpoint();
        }

        if (fetched == 0 && checkpoint is not null)
        {
            // Only the pruning changed: keep the set as small as what the platform still lists.
            yield return new SeenDocuments([.. seen]).ToCheckpoint();
        }

        logger.LogDebug("Exchange platform listed {Listed} received documents for {OrganId}; {Fetched} fetched", listed.Items.Count, options.OrganId, fetched);
    }

    private async Task<HubDocument?> FetchAsync(ExchangeReceivedItem item, CancellationToken cancellationToken)
    {
        try
        {
            var document = await download.FetchAsync(
                api, ExchangeUrls.Content, [new("organId", options.OrganId), new("documentId", item.DocumentId)], options.DownloadIdleTimeout, clock, cancellationToken).ConfigureAwait(false);
            if (document.DocumentId != item.DocumentId)
            {
                throw new EdXmlException(EdXmlErrorCodes.InvalidValue, $"The envelope's DocumentId '{document.DocumentId}' is not the listed '{item.DocumentId}'.");
            }

            return document;
        }
        catch (EdXmlException ex)
        {
            logger.LogWarning("Document {DocumentId} from {From} is not valid edXML ({Code}): {Reason}; answering 02 (rejected)", item.DocumentId, item.FromOrganId, ex.Code, ex.Message);
            await RejectAsync(item, ex, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    private async Task RejectAsync(ExchangeReceivedItem item, EdXmlException reason, CancellationToken cancellationToken)
    {
        var status = new EdXmlStatus
        {
            ResponseFor = new EdXmlResponseFor { OrganId = item.FromOrganId, Code = item.Code, PromulgationDate = item.PromulgationDate, DocumentId = item.DocumentId },
            From = new EdXmlOrganization { OrganId = options.OrganId },
            StatusCode = EdXmlStatusCode.Rejected,
            Description = $"{reason.Code}: {reason.Message}",
            Timestamp = clock.GetLocalNow(),
        };
        var failure = await api.PostStatusAsync(ExchangeUrls.Statuses, status, $"reject:{item.DocumentId}", cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            throw new ConnectorException(failure);
        }
    }
}
