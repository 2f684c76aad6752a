using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>The payment platform's failures: HTTP by the kit's <see cref="HttpFailureClassifier"/> rule (a 404 is a wrong
/// BaseUrl here), and a MaLoi other than "00": Config for a wrong hash or partner code, Transient for its system error,
/// Permanent for a business rejection.</summary>
internal static class PaymentFailures
{
    public static HttpCounterparty Counterparty { get; } = new("The payment platform", HttpFailureCodes.Prefixed("PAYMENT"))
    {
        CredentialsHint = "Check Connectors:payment-platform:MaDoiTac and SecretKey.",
        AddressHint = "Check Connectors:payment-platform:BaseUrl.",

        // The platform has no resources that can be missing: a 404 is a wrong BaseUrl.
        WrongAddressStatuses = new HashSet<int> { 404 },
    };

    private static readonly HttpFailureClassifier Http = new(Counterparty);

    /// <summary>A reply whose MaLoi is not "00".</summary>
    public static ConnectorFailure Rejected(string? maLoi, string? moTaLoi)
    {
        var code = $"PAYMENT-{(string.IsNullOrWhiteSpace(maLoi) ? "NO-CODE" : maLoi)}";
        var text = string.IsNullOrWhiteSpace(moTaLoi) ? "no description" : moTaLoi;
        return maLoi switch
        {
            PaymentErrorCodes.BadHash => new ConnectorFailure(FailureKind.Config, code, $"The payment platform rejected MaXacThuc ({text}). Check Connectors:payment-platform:SecretKey."),
            PaymentErrorCodes.UnknownPartner => new ConnectorFailure(FailureKind.Config, code, $"The payment platform does not know the partner ({text}). Check Connectors:payment-platform:MaDoiTac."),
            PaymentErrorCodes.SystemError => new ConnectorFailure(FailureKind.Transient, code, $"The payment platform had an internal error: {text}"),
            _ => new ConnectorFailure(FailureKind.Permanent, code, $"The payment platform refused the message: MaLoi {maLoi}, {text}"),
        };
    }

    public static ConnectorFailure Malformed(string problem) => Http.Malformed(problem);
}
