namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>Counts of the platform sandbox (GET /sandbox/stats).</summary>
public sealed record ExchangeSandboxStats(int Documents, int DuplicateSends, int StatusesPosted, int DuplicateStatuses, int ReceivedListCalls, long StatusFeedLength);
