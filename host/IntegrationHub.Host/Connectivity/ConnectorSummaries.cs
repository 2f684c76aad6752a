using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Maintenance;
using IntegrationHub.Host.Observability;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Connectivity;

/// <summary>Builds <see cref="ConnectorSummary"/> from the registered connectors, the flows, the latest checks and the
/// call statistics, and the cluster's counterparty health (<c>hub.counterparty_health</c>).</summary>
public sealed class ConnectorSummaries(
    ConnectorCatalog connectors,
    FlowCatalog flows,
    ConnectivityCheckStore checks,
    CounterpartyCallStatistics calls,
    CounterpartyHealthStore health,
    ConnectorMaintenance maintenance,
    IOptions<HubOptions> options,
    TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<ConnectorSummary>> AllAsync(CancellationToken cancellationToken)
    {
        var latest = await checks.LatestAsync(cancellationToken);
        var healths = await health.AllAsync(cancellationToken);
        var summaries = new List<ConnectorSummary>();
        foreach (var id in connectors.Registrations.Select(r => r.Id).Order(StringComparer.Ordinal))
        {
            summaries.Add(await SummaryAsync(id, latest.GetValueOrDefault(id), healths.GetValueOrDefault(id), cancellationToken));
        }

        return summaries;
    }

    public async Task<ConnectorSummary?> FindAsync(string connectorId, CancellationToken cancellationToken) =>
        connectors.IsRegistered(connectorId)
            ? await SummaryAsync(connectorId, (await checks.LatestAsync(cancellationToken)).GetValueOrDefault(connectorId),
                (await health.AllAsync(cancellationToken)).GetValueOrDefault(connectorId), cancellationToken)
            : null;

    private async Task<ConnectorSummary> SummaryAsync(string connectorId, ConnectivityCheck? lastCheck, CounterpartyHealth? health, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var current = await maintenance.CurrentAsync(connectorId, cancellationToken);
        var next = (await maintenance.UpcomingAsync(connectorId, cancellationToken)).FirstOrDefault(w => w.From > (current?.To ?? now));
        var spec = connectors.Get(connectorId).Spec;
        var streams = spec.Streams
            .Select(s => new ConnectorStreamSummary(s.Name, s.Direction.ToString(), s.Description, s.Key, s.Cursor, s.PayloadSchema is not null))
            .ToList();
        var usedBy = flows.Flows
            .Where(f => f.Source.ConnectorId == connectorId || f.Destinations.Any(d => d.ConnectorId == connectorId))
            .Select(f => f.Id)
            .Order(StringComparer.Ordinal)
            .ToList();
        var failing = health?.FailingSince is { } since && timeProvider.GetUtcNow() - since >= options.Value.Counterparties.FailingAlertAfter
            ? new CounterpartyFailing(since, health.Failures, health.LastFailureKind)
            : null;
        return new ConnectorSummary(connectorId, spec.Version, streams, usedBy, lastCheck, ConnectorCalls.From(calls.Snapshot(connectorId)), failing, current, next);
    }
}
