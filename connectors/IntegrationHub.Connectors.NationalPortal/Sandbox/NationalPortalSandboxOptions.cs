using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>Settings of the National Portal sandbox, bound from <c>Sandboxes:national-portal</c>.</summary>
public sealed class NationalPortalSandboxOptions : SandboxOptions
{
    /// <summary>Size of the generated procedure catalogue (codes stay unique up to 1,000,000).</summary>
    [Range(0, 1_000_000)]
    public int ProcedureCount { get; set; } = 2000;

    [Required]
    public string? Username { get; set; } = "sandbox";

    /// <summary>Required: the sandbox has no built-in password, so a config that forgets it fails at start.</summary>
    [Required]
    public string? Password { get; set; }

    /// <summary>Seed of the catalogue: the same seed and count give the same procedures.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How long a session stays valid after login.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Refuses some dossiers permanently; can be replaced while running with <c>PUT /sandbox/reject-rule</c>
    /// or <see cref="NationalPortalSandbox.SetRejectRule"/>.</summary>
    public NationalPortalRejectRule RejectRule { get; set; } = new();

    public override string ToString() =>
        $"NationalPortalSandboxOptions {{ Port = {Port}, ProcedureCount = {ProcedureCount}, Username = {Username}, Seed = {Seed}, SessionLifetime = {SessionLifetime}, RejectEveryNth = {RejectRule.RejectEveryNth} }}";
}
