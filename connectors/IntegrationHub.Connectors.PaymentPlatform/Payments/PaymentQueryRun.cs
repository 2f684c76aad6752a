namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>What one QUERY pass over open payments found.</summary>
public sealed record PaymentQueryRun(int Queried, int Paid, int Failed, int Pending, int Errors);
