namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>A page of a sequenced feed (<c>?after=seq&amp;limit=n</c>): items in ascending Seq, and whether more follow.</summary>
public sealed record EdXmlListPage(IReadOnlyList<EdXmlListItem> Items, bool HasMore);
