namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>One callback the sandbox POSTed to the hub and what came back. <see cref="HttpStatus"/> is 0 and
/// <see cref="Error"/> set when nothing answered; <see cref="ReplySigned"/> says whether the reply's MaXacThuc matched.</summary>
public sealed record SandboxCallbackDelivery(
    PaymentCallback Callback,
    int HttpStatus,
    PaymentCallbackReply? Reply,
    bool ReplySigned,
    string? Error);
