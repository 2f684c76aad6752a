namespace IntegrationHub.Host.Connectivity;

/// <summary>A connector as <c>GET /api/connectors</c> shows it: its spec, the flows that use it, its latest check and
/// its calls over the last hour with its circuit's state.</summary>
public sealed record ConnectorSummary(
    string Id,
    string Version,
    IReadOnlyList<ConnectorStreamSummary> Streams,
    IReadOnlyList<string> Flows,
    ConnectivityCheck? LastCheck,
    ConnectorCalls Calls);
