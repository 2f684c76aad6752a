using IntegrationHub.Host.Inbound;

namespace IntegrationHub.Host.Payments;

/// <summary>A payment ready to pay (new or repeated request), or why not.</summary>
public sealed record PaymentInitOutcome(PaymentRecord? Payment, bool Repeated, InboundError? Error);
