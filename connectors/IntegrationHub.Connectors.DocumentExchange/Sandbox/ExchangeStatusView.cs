namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A status message of a document as the platform routed it.</summary>
public sealed record ExchangeStatusView(long Seq, string From, string Recipient, string StatusCode, string Description);
