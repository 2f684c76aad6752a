namespace IntegrationHub.Host.Connectivity;

/// <summary>A stream of a connector as the admin API and connectors page show it.</summary>
public sealed record ConnectorStreamSummary(string Name, string Direction, string Description, IReadOnlyList<string> Key, string? Cursor, bool HasPayloadSchema);
