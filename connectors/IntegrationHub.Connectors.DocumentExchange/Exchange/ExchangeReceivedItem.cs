namespace IntegrationHub.Connectors.DocumentExchange.Exchange;

/// <summary>A line of "list received": enough to fetch the document, or to reject it (02) if it cannot be read.</summary>
public sealed record ExchangeReceivedItem(string DocumentId, string FromOrganId, string Code, DateOnly PromulgationDate, string Subject);
