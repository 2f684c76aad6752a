using IntegrationHub.Host.Maintenance;

namespace IntegrationHub.Host.Admin.Responses;

/// <summary>The answer of <c>GET /api/connectors/{id}/maintenance</c>.</summary>
/// <param name="Current">The maintenance in force now (overlapping windows joined: <c>to</c> is when calls resume), or null.</param>
/// <param name="Windows">Each recurring window's current or next occurrence and every open one-off window, earliest first.</param>
public sealed record ConnectorMaintenanceList(string ConnectorId, MaintenanceWindow? Current, IReadOnlyList<MaintenanceWindow> Windows);
