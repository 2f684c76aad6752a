using IntegrationHub.Contracts.Inbound;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>A payment ready to pay (new or repeated request), or why not.</summary>
public sealed record PaymentInitOutcome(PaymentRecord? Payment, bool Repeated, HubProblem? Error);
