using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.Example.Sandbox;

/// <summary>Options of the Example sandbox, bound from <c>Sandboxes:example</c>. The defaults work as they are: the
/// hub gives the connector this key itself in development runs and tests.</summary>
public sealed class ExampleSandboxOptions : SandboxOptions
{
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = "sandbox-only-example-key";

    /// <summary>How often Example changes a record of its own (development runs); zero: only on request.</summary>
    public TimeSpan ChangeEvery { get; set; }
}
