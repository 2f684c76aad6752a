using IntegrationHub.Host.Maintenance;

namespace IntegrationHub.Host.Connectivity;

/// <summary>A connector as <c>GET /api/connectors</c> shows it: its spec, the flows that use it, its latest check and
/// its calls over the last hour with its circuit's state, and whether every call to it has been failing (any host's calls).</summary>
/// <param name="Failing">Null unless every call has failed for <c>Hub:Counterparties:FailingAlertAfter</c>; cleared by an answered call.</param>
/// <param name="InMaintenance">The maintenance window in force now (overlapping windows joined), or null.</param>
/// <param name="NextMaintenance">The next maintenance window to start, or null when none is configured or planned.</param>
public sealed record ConnectorSummary(
    string Id,
    string Version,
    IReadOnlyList<ConnectorStreamSummary> Streams,
    IReadOnlyList<string> Flows,
    ConnectivityCheck? LastCheck,
    ConnectorCalls Calls,
    CounterpartyFailing? Failing,
    MaintenanceWindow? InMaintenance = null,
    MaintenanceWindow? NextMaintenance = null);
