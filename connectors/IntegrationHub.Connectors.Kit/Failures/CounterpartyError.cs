namespace IntegrationHub.Connectors.Kit;

/// <summary>The counterparty's own error, read by its connector from an error reply's body (each counterparty has its
/// own shape). When given, its code and message replace the HTTP status code and reason phrase in the failure.</summary>
public sealed record CounterpartyError(string Code, string? Message);
