using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.Tests.Kit.Tally;

internal sealed class TallySandboxOptions : SandboxOptions
{
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;
}
