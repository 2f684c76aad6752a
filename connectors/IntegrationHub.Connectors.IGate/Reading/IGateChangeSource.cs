using System.Globalization;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Reading;

/// <summary>One of iGate's change feeds for the kit's keyset reader: <c>GET {path}?since=&amp;afterId=&amp;limit=</c>,
/// the records strictly after (since, afterId), a checkpoint after each page.</summary>
internal sealed class IGateChangeSource(CounterpartyHttpClient api, IGateChangeFeed feed, int pageSize) : IKeysetFeed<IGateChange, TimestampCursor>
{
    public string Stream => feed.Stream;

    public async Task<KeysetPage<IGateChange>> FetchAsync(TimestampCursor? after, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>(3);
        if (after is not null)
        {
            // since alone is inclusive (a backfill from a time); with afterId, strictly after the pair.
            query.Add(new("since", after.SinceUtc));
            if (after.AfterId is not null)
            {
                query.Add(new("afterId", after.AfterId));
            }
        }

        query.Add(new("limit", pageSize.ToString(CultureInfo.InvariantCulture)));
        var content = await api.GetTextAsync(feed.Path, query, cancellationToken).ConfigureAwait(false);
        return IGateChangesPage.Parse(content, feed, api.Failures);
    }

    public ValueTask<SourceRecord?> ToRecordAsync(IGateChange item, CancellationToken cancellationToken) => ValueTask.FromResult<SourceRecord?>(item.Record);

    public TimestampCursor CursorOf(IGateChange item) => item.Cursor;
}
