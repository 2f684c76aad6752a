using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.DocumentExchange.Sandbox;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Options of the exchange platform sandbox, bound from <c>Sandboxes:exchange</c>.</summary>
public sealed class ExchangeSandboxOptions : SandboxOptions
{
    /// <summary>The key callers must send as X-Api-Key; calls without it get 401.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The province's agency code: documents to it wait to be fetched through the API. Every other agency is
    /// simulated: it answers documents sent to it with statuses and recalls with 15/16.</summary>
    [Required(ErrorMessage = "HubOrganId is required.")]
    public string HubOrganId { get; set; } = string.Empty;

    /// <summary>The agencies the platform knows (list agencies); the province's is added if missing.</summary>
    public List<ExchangeAgency> Agencies { get; set; } = [.. ExchangeAgency.Defaults];

    /// <summary>How often each simulated addressee moves a document one status on (01 → 03 → 05 → 06); zero: only
    /// on <c>POST /sandbox/documents/advance</c>.</summary>
    public TimeSpan ReplyEvery { get; set; }

    /// <summary>How often a simulated agency sends the province a new document (development runs); zero: never.</summary>
    public TimeSpan PlantEvery { get; set; }
}
