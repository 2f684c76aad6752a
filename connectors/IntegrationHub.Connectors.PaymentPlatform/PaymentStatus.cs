namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary><c>TrangThaiGD</c>, the state of a transaction as the platform reports it.</summary>
public enum PaymentStatus
{
    Success = 1,

    /// <summary>The platform does not know the outcome yet (the payer has not finished, or the bank has not answered).</summary>
    Pending = 3,

    Failed = 4,
}
