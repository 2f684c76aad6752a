namespace IntegrationHub.Host.Observability;

/// <summary>A counterparty's circuit breaker as an admin reads it (Polly's Isolated, never set by the hub, reads as Open:
/// no call goes out either way). The numbers are the <c>integrationhub.counterparty.circuit_state</c> gauge's values.</summary>
public enum CounterpartyCircuitState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,
}
