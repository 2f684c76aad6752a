namespace IntegrationHub.Connectors.DocumentExchange.Exchange;

/// <summary>An agency of <c>GET api/edxml/agencies</c>.</summary>
public sealed record ExchangeAgencyItem(string OrganId, string OrganName);
