namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>Values of <c>MaLoi</c>. Only "00" = success is known from public sources; the others are this project's
/// choice, used by the sandbox and classified by the connector (02/03 = Config, the rest = Permanent).</summary>
public static class PaymentErrorCodes
{
    public const string Success = "00";

    /// <summary>A required field is missing or malformed.</summary>
    public const string InvalidField = "01";

    /// <summary>MaXacThuc does not match: the shared secret differs.</summary>
    public const string BadHash = "02";

    /// <summary>MaDoiTac is not a known partner.</summary>
    public const string UnknownPartner = "03";

    /// <summary>MaThamChieu already exists with a different amount.</summary>
    public const string DuplicateReference = "04";

    /// <summary>No payment has this MaThamChieu.</summary>
    public const string NotFound = "05";

    /// <summary>GET_BILL for a payment that is not paid.</summary>
    public const string BillNotAvailable = "06";

    /// <summary>In a callback: the payment failed (declined, cancelled, expired).</summary>
    public const string PaymentFailed = "09";

    /// <summary>The platform (or the hub, in a callback reply) had an internal error.</summary>
    public const string SystemError = "99";
}
