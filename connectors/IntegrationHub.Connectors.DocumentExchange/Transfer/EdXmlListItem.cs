namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>One entry of a sequenced feed: its sequence number and, for status feeds, the status message as edXML
/// text (small, so inline), or for document feeds the DocumentId to fetch.</summary>
public sealed record EdXmlListItem(long Seq, string? DocumentId = null, string? EdXml = null);
