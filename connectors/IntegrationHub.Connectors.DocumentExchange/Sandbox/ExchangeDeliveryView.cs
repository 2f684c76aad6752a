namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>One addressee's delivery of a document: how often listed and fetched, acknowledged, last status.</summary>
public sealed record ExchangeDeliveryView(string OrganId, bool Simulated, int TimesListed, int TimesFetched, bool Acknowledged, string? LastStatus);
