namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>What the store did with an INIT: created it, found the same one again, or refused it.</summary>
internal sealed record SandboxInitOutcome(bool Created, PaymentPlatformSandboxPayment? Payment, string? MaLoi, string? MoTaLoi);
