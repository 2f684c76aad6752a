using System.Globalization;
using System.Runtime.CompilerServices;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.IGate.Reading;

/// <summary>Reads a change feed page by page from a cursor: each page's records, then the checkpoint after its last
/// record (so the host can make the page durable and move on), until iGate says there is no more. The last page's
/// checkpoint stands: the next run asks for what changed after it.</summary>
internal sealed class IGateChangesReader(IGateApiClient api, IGateChangeFeed feed, int pageSize, ILogger logger)
{
    public async IAsyncEnumerable<SourceItem> ReadAsync(IGateChangeCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = await api.GetAsync(feed.Path, Query(cursor), cancellationToken).ConfigureAwait(false);
            var page = IGateChangesPage.Parse(content, feed);
            foreach (var record in page.Records)
            {
                yield return record;
            }

            total += page.Records.Count;
            if (page.Last is { } last)
            {
                cursor = last;
                yield return last.ToCheckpoint();
            }

            logger.LogDebug("iGate {Stream}: page of {Count} read ({Total} this run), more: {HasMore}", feed.Stream, page.Records.Count, total, page.HasMore);
            if (!page.HasMore)
            {
                yield break;
            }

            if (page.Records.Count == 0)
            {
                // Asking again from the same cursor would get the same empty page for ever.
                throw new ConnectorException(IGateFailures.Malformed($"{feed.Stream} page: hasMore is true but there are no items"));
            }
        }
    }

    private List<KeyValuePair<string, string>> Query(IGateChangeCursor? cursor)
    {
        var query = new List<KeyValuePair<string, string>>(3);
        if (cursor is not null)
        {
            query.Add(new("since", cursor.SinceUtc));
            query.Add(new("afterId", cursor.AfterId));
        }

        query.Add(new("limit", pageSize.ToString(CultureInfo.InvariantCulture)));
        return query;
    }
}
