using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate;

/// <summary>Options of the iGate sandbox, bound from <c>Sandboxes:igate</c>.</summary>
public sealed class IGateSandboxOptions : SandboxOptions
{
    /// <summary>The key callers must send as X-Api-Key; calls without it get 401.</summary>
    [Required(ErrorMessage = "ApiKey is required.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>MaTTHC codes the sandbox rejects for good (errorCode IGATE-422), e.g. to produce a dead letter.
    /// Read at construction; change it later with <see cref="IGateSandbox.SetRejectCodes"/> or PUT /sandbox/reject-codes.</summary>
    public List<string> RejectCodes { get; set; } = [];

    /// <summary>Dossiers made at start and, optionally, in the background (<c>Sandboxes:igate:Dossiers</c>).</summary>
    [Required]
    public IGateDossierFeedOptions Dossiers { get; set; } = new();

    /// <summary>The people who file dossiers (<c>Sandboxes:igate:Applicants</c>).</summary>
    [Required]
    public IGateApplicantOptions Applicants { get; set; } = new();

    /// <summary>Seed of the generated dossiers: the same seed, clock and calls give the same data.</summary>
    public int Seed { get; set; } = 1;
}
