namespace IntegrationHub.Connectors.Kit;

/// <summary>One page of a keyset feed: its items in key order, and whether more follow.</summary>
public sealed record KeysetPage<TItem>(IReadOnlyList<TItem> Items, bool HasMore);
