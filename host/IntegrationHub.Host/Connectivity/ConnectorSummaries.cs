using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Observability;

namespace IntegrationHub.Host.Connectivity;

/// <summary>Builds <see cref="ConnectorSummary"/> from the registered connectors, the flows, the latest checks and the
/// call statistics.</summary>
public sealed class ConnectorSummaries(ConnectorCatalog connectors, FlowCatalog flows, ConnectivityCheckStore checks, CounterpartyCallStatistics calls)
{
    public async Task<IReadOnlyList<ConnectorSummary>> AllAsync(CancellationToken cancellationToken)
    {
        var latest = await checks.LatestAsync(cancellationToken);
        return [.. connectors.Registrations.Select(r => r.Id).Order(StringComparer.Ordinal).Select(id => Summary(id, latest.GetValueOrDefault(id)))];
    }

    public async Task<ConnectorSummary?> FindAsync(string connectorId, CancellationToken cancellationToken) =>
        connectors.IsRegistered(connectorId) ? Summary(connectorId, (await checks.LatestAsync(cancellationToken)).GetValueOrDefault(connectorId)) : null;

    public ConnectorSummary Summary(string connectorId, ConnectivityCheck? lastCheck)
    {
        var spec = connectors.Get(connectorId).Spec;
        var streams = spec.Streams
            .Select(s => new ConnectorStreamSummary(s.Name, s.Direction.ToString(), s.Description, s.Key, s.Cursor, s.PayloadSchema is not null))
            .ToList();
        var usedBy = flows.Flows
            .Where(f => f.Source.ConnectorId == connectorId || f.Destinations.Any(d => d.ConnectorId == connectorId))
            .Select(f => f.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ConnectorSummary(connectorId, spec.Version, streams, usedBy, lastCheck, ConnectorCalls.From(calls.Snapshot(connectorId)));
    }
}
