using System.Globalization;
using System.Text;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>A feed of status messages (<c>GET {path}?after=&amp;limit=</c>) for the kit's keyset reader: each status
/// becomes a record keyed by its DocumentId (so the hub delivers one document's statuses in order) with the feed's Seq
/// as version; a checkpoint follows each page. A status that is not valid edXML stops the read (Permanent, with its
/// edXML code): skipping it would lose a state change.</summary>
public sealed class StatusFeed(EdXmlHttpApi api, string stream, string path, IReadOnlyList<KeyValuePair<string, string>> query, int pageSize)
    : IKeysetFeed<EdXmlListItem, SequenceCursor>
{
    private readonly EdXmlStatusReader _reader = new();

    public string Stream => stream;

    public Task<KeysetPage<EdXmlListItem>> FetchAsync(SequenceCursor? after, CancellationToken cancellationToken) =>
        api.PageAsync(path, query, after, pageSize, cancellationToken);

    public async ValueTask<SourceRecord?> ToRecordAsync(EdXmlListItem item, CancellationToken cancellationToken)
    {
        var status = await ParseAsync(item, cancellationToken).ConfigureAwait(false);
        return new SourceRecord(
            status.ResponseFor.DocumentId,
            HubDocumentJson.Serialize(status),
            status.ResponseFor.DocumentId,
            item.Seq.ToString(CultureInfo.InvariantCulture));
    }

    public SequenceCursor CursorOf(EdXmlListItem item) => new(item.Seq);

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
