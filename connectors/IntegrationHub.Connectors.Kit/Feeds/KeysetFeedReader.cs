using System.Runtime.CompilerServices;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Reads a keyset-paginated feed from a cursor: page after page, each item's record, then a checkpoint after
/// the page (or after each item, see <see cref="IKeysetFeed{TItem, TCursor}.CheckpointEachItem"/>) so the host can make
/// what was read durable and move on, until the feed says there is no more. The last checkpoint stands: the next run
/// asks for what came after it. A page that says more follow but holds nothing is malformed (Transient): asking again
/// from the same cursor would get it for ever.</summary>
/// <param name="failures">Names the malformed-page failure in the counterparty's codes.</param>
public sealed class KeysetFeedReader<TItem, TCursor>(IKeysetFeed<TItem, TCursor> feed, HttpFailureClassifier failures, ILogger logger)
    where TCursor : KeysetCursor
{
    public async IAsyncEnumerable<SourceItem> ReadAsync(TCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await feed.FetchAsync(after, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                if (await feed.ToRecordAsync(item, cancellationToken).ConfigureAwait(false) is { } record)
                {
                    total++;
                    yield return record;
                }

                after = feed.CursorOf(item);
                if (feed.CheckpointEachItem)
                {
                    yield return after.ToCheckpoint();
                }
            }

            if (!feed.CheckpointEachItem && after is not null && page.Items.Count > 0)
            {
                yield return after.ToCheckpoint();
            }

            logger.LogDebug("{Counterparty} {Stream}: page of {Count} read ({Total} records this run), more: {HasMore}",
                failures.Counterparty.Name, feed.Stream, page.Items.Count, total, page.HasMore);
            if (!page.HasMore)
            {
                yield break;
            }

            if (page.Items.Count == 0)
            {
                throw new ConnectorException(failures.Malformed($"{feed.Stream} page: more are said to follow but it holds no items"));
            }
        }
    }
}
