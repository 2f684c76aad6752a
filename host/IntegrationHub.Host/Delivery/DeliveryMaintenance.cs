using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Enrichment;
using IntegrationHub.Host.Maintenance;

namespace IntegrationHub.Host.Delivery;

/// <summary>Whether a flow's delivery to a destination is held by maintenance: a delivery calls the destination's
/// counterparty and, when the flow has an enrichment step, the counterparties the step calls (its
/// <c>IMessageEnricher.ConnectorIds</c>, e.g. the population database), so a window on any of them holds it.</summary>
public sealed class DeliveryMaintenance(FlowCatalog flows, MessageEnrichers enrichers, ConnectorMaintenance maintenance)
{
    /// <returns>The window in force that ends last (the delivery can go only once all are over), or null.</returns>
    public async Task<MaintenanceWindow?> CurrentAsync(string flowId, string destinationConnectorId, CancellationToken cancellationToken)
    {
        var held = await maintenance.CurrentAsync(destinationConnectorId, cancellationToken);
        var enricher = flows.Options.TryGetValue(flowId, out var options) ? enrichers.Find(options.Enricher) : null;
        foreach (var connectorId in enricher?.ConnectorIds ?? [])
        {
            if (connectorId != destinationConnectorId && await maintenance.CurrentAsync(connectorId, cancellationToken) is { } window && (held is null || window.To > held.To))
            {
                held = window;
            }
        }

        return held;
    }
}
