using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.Postal;

/// <summary>Options of the postal sandbox, bound from <c>Sandboxes:postal</c>.</summary>
public sealed class PostalSandboxOptions : SandboxOptions
{
    /// <summary>The key callers must send as X-Api-Key; calls without it get 401.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Percent of shipments the postman cannot deliver (RETURNED instead of DELIVERED).</summary>
    [Range(0, 100, ErrorMessage = "ReturnPercent must be between 0 and 100.")]
    public int ReturnPercent { get; set; } = 5;

    /// <summary>Draws which shipments are returned, so a run can be repeated.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How often every shipment on its way moves one step (development runs); zero: only on request.</summary>
    public TimeSpan AdvanceEvery { get; set; }
}
