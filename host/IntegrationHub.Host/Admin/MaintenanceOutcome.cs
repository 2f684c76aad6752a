using IntegrationHub.Host.Maintenance;

namespace IntegrationHub.Host.Admin;

/// <summary>What adding or ending a one-off maintenance window came to: the window, or a refusal (HTTP status, code, why).</summary>
public sealed record MaintenanceOutcome(MaintenanceWindow? Window, int Status = StatusCodes.Status200OK, string? Code = null, string? Detail = null);
