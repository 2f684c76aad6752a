using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Kit;

/// <summary>One keyset-paginated feed of a counterparty, as <see cref="KeysetFeedReader{TItem, TCursor}"/> reads it: the
/// connector says how a page is fetched, what record an item is and where the feed stands after it.</summary>
public interface IKeysetFeed<TItem, TCursor>
    where TCursor : KeysetCursor
{
    /// <summary>The stream it serves, for logs and failure messages.</summary>
    string Stream { get; }

    /// <summary>True when each item is large (a document fetched on its own): a checkpoint follows every item, so a run
    /// stopped half-way does not fetch it again. False (the default): one checkpoint per page.</summary>
    bool CheckpointEachItem => false;

    /// <summary>The page of items strictly after <paramref name="after"/>; from the start when it is null.</summary>
    /// <exception cref="ConnectorException">Classified.</exception>
    Task<KeysetPage<TItem>> FetchAsync(TCursor? after, CancellationToken cancellationToken);

    /// <summary>The record of one item (it may fetch more, e.g. a document's body); null to pass the item over. An item
    /// read but not to be trusted is a record with <see cref="SourceRecord.Problem"/>: the hub sets it aside and reads on.</summary>
    /// <exception cref="ConnectorException">Classified; a failure of the read itself (Permanent stops the read so nothing
    /// after the item is skipped).</exception>
    ValueTask<SourceRecord?> ToRecordAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>Where the feed stands just after <paramref name="item"/>.</summary>
    TCursor CursorOf(TItem item);
}
