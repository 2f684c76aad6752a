using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>What every sandbox is configured with (<c>Sandboxes:{id}</c>): its port and its fault injection. A
/// sandbox's options derive from it and add their own (credentials, data to generate).</summary>
public class SandboxOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    [Range(0, 65535, ErrorMessage = "Port must be between 0 and 65535.")]
    public int Port { get; set; }

    /// <summary>Fault injection on every call outside <c>/sandbox</c>, read on every call: changing it (here or with
    /// <c>PUT /sandbox/faults</c>) applies to the next call.</summary>
    [Required]
    public SandboxFaultOptions Faults { get; set; } = new();
}
