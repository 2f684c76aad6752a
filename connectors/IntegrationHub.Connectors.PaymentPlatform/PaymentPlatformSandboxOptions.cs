using IntegrationHub.Connectors.Kit;
using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>Options of the payment platform sandbox, bound from <c>Sandboxes:payment-platform</c>.</summary>
public sealed class PaymentPlatformSandboxOptions : SandboxOptions
{
    /// <summary>The one partner code the sandbox knows; other codes get MaLoi 03.</summary>
    [Required(ErrorMessage = "MaDoiTac is required.")]
    public string MaDoiTac { get; set; } = string.Empty;

    /// <summary>The shared secret; a message signed with another gets MaLoi 02.</summary>
    [Required(ErrorMessage = "SecretKey is required.")]
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>The hub's callback endpoint, e.g. <c>http://127.0.0.1:5080/api/payments/callback</c>. Read at each
    /// callback, so it may be changed while running; empty = callbacks are recorded as not sent.</summary>
    [AbsoluteHttpUrl]
    public string CallbackUrl { get; set; } = string.Empty;

    /// <summary>Demo: settle each new payment this long after INIT on its own (0 = off; tests settle by hand).</summary>
    public TimeSpan AutoPayAfter { get; set; } = TimeSpan.Zero;

    /// <summary>Demo: share (0..1) of auto-settled payments that are paid; the rest fail.</summary>
    [Range(0.0, 1.0, ErrorMessage = "AutoPayRatio must be between 0 and 1.")]
    public double AutoPayRatio { get; set; } = 1.0;

    /// <summary>Demo: share (0..1) of auto-settled payments whose callback is never sent, so the hub must QUERY.</summary>
    [Range(0.0, 1.0, ErrorMessage = "LostCallbackRatio must be between 0 and 1.")]
    public double LostCallbackRatio { get; set; }

    /// <summary>Seed of the auto-settle draws; 0 draws from a random seed.</summary>
    public int Seed { get; set; } = 1;

    public override string ToString() =>
        $"PaymentPlatformSandboxOptions {{ Port = {Port}, MaDoiTac = {MaDoiTac}, CallbackUrl = {CallbackUrl}, AutoPayAfter = {AutoPayAfter}, SecretKey = {(string.IsNullOrEmpty(SecretKey) ? "(not set)" : "***")} }}";
}
