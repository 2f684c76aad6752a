namespace IntegrationHub.Host.Admin;

/// <summary>Body of <c>POST /api/connectors/{id}/maintenance</c>: a one-off window (ISO 8601 with offset; no
/// <c>from</c> means now) and why.</summary>
public sealed record MaintenanceWindowRequest(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Reason = null);
