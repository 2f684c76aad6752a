namespace IntegrationHub.Connectors.DocumentExchange.Exchange;

/// <summary>The reply of <c>GET api/edxml/documents/received</c>: documents waiting for the agency, listed again on
/// every call until it acknowledges them with status 01 (arrived) or 02 (rejected).</summary>
public sealed record ExchangeReceivedList(IReadOnlyList<ExchangeReceivedItem> Items);
