namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

public enum SettleOutcome
{
    /// <summary>The payment changed (and, when paid, its event is in the inbox for iGate).</summary>
    Settled,

    /// <summary>It already had this result: a repeated callback or QUERY changes nothing.</summary>
    Unchanged,

    /// <summary>No such MaThamChieu.</summary>
    Unknown,

    /// <summary>The reported amount is not the payment's.</summary>
    AmountMismatch,

    /// <summary>A failure reported for a payment already paid: the payment stays paid.</summary>
    Conflict,
}
