namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>Values of <c>LoaiBanTin</c>. INIT, QUERY and GET_BILL are the platform's; the callback's and the
/// statement's are the sandbox's choice (no public source names them).</summary>
public static class PaymentMessageTypes
{
    public const string Init = "INIT";
    public const string Query = "QUERY";
    public const string GetBill = "GET_BILL";

    /// <summary>Designed: the type the platform's result callback carries.</summary>
    public const string PaymentResult = "PAYMENT_RESULT";

    /// <summary>Designed: the first field of the daily statement's hash.</summary>
    public const string Statement = "STATEMENT";

    /// <summary>Domain tag of the hub's signed reply to a callback (designed).</summary>
    public const string CallbackReply = "CALLBACK_REPLY";
}
