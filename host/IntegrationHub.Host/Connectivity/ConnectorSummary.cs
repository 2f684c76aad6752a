namespace IntegrationHub.Host.Connectivity;

/// <summary>A connector as <c>GET /api/connectors</c> shows it: its spec, the flows that use it and its latest check.</summary>
public sealed record ConnectorSummary(
    string Id,
    string Version,
    IReadOnlyList<ConnectorStreamSummary> Streams,
    IReadOnlyList<string> Flows,
    ConnectivityCheck? LastCheck);
