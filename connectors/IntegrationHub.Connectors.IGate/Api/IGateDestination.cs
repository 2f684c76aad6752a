namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>One destination stream of iGate: its batch endpoint, what one item is called in messages, and how a
/// message becomes an item. Every stream is written the same way (see <see cref="IGateBatchPlan{TItem}"/>).</summary>
/// <param name="Subject">E.g. "procedure": used in failure messages.</param>
internal sealed record IGateDestination<TItem>(string Stream, string BatchPath, string Subject, IGateItemMap<TItem> Map)
    where TItem : class;
