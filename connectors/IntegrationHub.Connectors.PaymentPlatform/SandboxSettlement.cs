namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>What settling a payment in the sandbox did: the payment after it, the signed callback, and the delivery of
/// that callback (null when it was not sent).</summary>
public sealed record SandboxSettlement(
    PaymentPlatformSandboxPayment Payment,
    PaymentCallback Callback,
    SandboxCallbackDelivery? Delivery);
