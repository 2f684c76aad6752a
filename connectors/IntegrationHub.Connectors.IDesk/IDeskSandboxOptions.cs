using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IDesk;

/// <summary>Options of the iDesk sandbox, bound from <c>Sandboxes:idesk</c>.</summary>
public sealed class IDeskSandboxOptions : SandboxOptions
{
    /// <summary>The key callers must send as X-Api-Key; calls without it get 401.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The province's agency code: From of the documents and statuses iDesk produces.</summary>
    [Required(ErrorMessage = "OrganId is required.")]
    public string OrganId { get; set; } = "000.00.00.H56";

    /// <summary>Addressees of made-up outgoing documents when a request names none.</summary>
    public List<string> DefaultAddressees { get; set; } = ["000.00.00.G22"];

    /// <summary>How often an officer sends a new document out (development runs); zero: only on request.</summary>
    public TimeSpan CreateEvery { get; set; }

    /// <summary>How often officers move each received document one status on (03 → 05 → 06); zero: only on request.</summary>
    public TimeSpan ProcessEvery { get; set; }
}
