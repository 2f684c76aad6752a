namespace IntegrationHub.Contracts;

/// <summary>A named step a flow can put between its stored messages and its destinations (<c>Flows:{id}:Enricher</c>):
/// it turns each message into what the destinations receive, usually by asking another counterparty. It runs inside
/// the delivery, so its failures get the delivery's retries, backoff and dead letters.</summary>
public interface IMessageEnricher
{
    /// <summary>The name flows use, e.g. <c>citizen-verification</c>.</summary>
    string Name { get; }

    /// <summary>Connectors the step calls; the hub refuses a flow naming the step when one is not registered. While one
    /// is in a maintenance window the deliveries of flows naming the step are held (not attempted) until the window's end,
    /// as for a destination in maintenance: list every counterparty the step calls.</summary>
    IReadOnlyList<string> ConnectorIds { get; }

    /// <summary>Called once per delivery attempt of a message (with the attempt number in the message), in message order.</summary>
    /// <exception cref="ConnectorException">Also accepted in place of <see cref="EnrichmentOutcome.Failed"/>.</exception>
    Task<EnrichmentOutcome> EnrichAsync(string flowId, OutboundMessage message, CancellationToken cancellationToken);
}
