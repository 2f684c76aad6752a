using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>Reads a feed of status messages page by page after a sequence number: each status becomes a record keyed
/// by its DocumentId (so the hub delivers one document's statuses in order) with the feed's Seq as version, then a
/// checkpoint after each page. A status that is not valid edXML stops the read (Permanent, with its edXML code):
/// skipping it would lose a state change.</summary>
public sealed class StatusFeedReader(EdXmlHttpApi api, string path, IReadOnlyList<KeyValuePair<string, string>> query, int pageSize)
{
    private readonly EdXmlStatusReader _reader = new();

    public async IAsyncEnumerable<SourceItem> ReadAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await api.GetJsonAsync<EdXmlListPage>(
                path, [.. query, EdXmlHttpApi.Query("after", after), EdXmlHttpApi.Query("limit", pageSize)], cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                var status = await ParseAsync(item, cancellationToken).ConfigureAwait(false);
                yield return new SourceRecord(
                    status.ResponseFor.DocumentId,
                    HubDocumentJson.Serialize(status),
                    status.ResponseFor.DocumentId,
                    item.Seq.ToString(CultureInfo.InvariantCulture));
                after = item.Seq;
            }

            if (page.Items.Count > 0)
            {
                yield return FeedCursor.To(after);
            }

            if (!page.HasMore || page.Items.Count == 0)
            {
                yield break;
            }
        }
    }

    private async Task<EdXmlStatus> ParseAsync(EdXmlListItem item, CancellationToken cancellationToken)
    {
        try
        {
            using var text = new MemoryStream(Encoding.UTF8.GetBytes(item.EdXml ?? string.Empty));
            return await _reader.ReadAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (EdXmlException ex)
        {
            throw new ConnectorException(EdXmlHttpFailures.Invalid(ex) with
            {
                Message = $"{api.Endpoint.Counterparty} status #{item.Seq} is not a valid edXML status message: {ex.Message}",
            }, ex);
        }
    }
}
