using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>Classifies a failed call. The HttpClient's resilience pipeline has already retried what it retries; this
/// says what the host should do with what is left: Transient (no answer, timeout, 408/429/5xx, unreadable reply),
/// Config (401/403, a wrong hash or partner code: the secret or MaDoiTac is wrong) or Permanent (business rejection).</summary>
internal static class PaymentFailureClassifier
{
    /// <returns>Null when the call got a 2xx answer.</returns>
    public static ConnectorFailure? ClassifyHttp(RestResponse response)
    {
        if (response.ResponseStatus == ResponseStatus.TimedOut)
        {
            return new ConnectorFailure(FailureKind.Transient, "PAYMENT-TIMEOUT", $"The payment platform did not answer in time: {response.ErrorMessage}");
        }

        var status = (int)response.StatusCode;
        if (status == 0)
        {
            // No HTTP answer at all: refused connection, DNS, reset, a resilience timeout or an open circuit.
            return new ConnectorFailure(FailureKind.Transient, "PAYMENT-NETWORK", $"The payment platform could not be reached: {response.ErrorMessage}");
        }

        if (status is >= 200 and < 300)
        {
            return null;
        }

        var code = $"PAYMENT-HTTP-{status}";
        var detail = string.IsNullOrWhiteSpace(response.StatusDescription) ? "no detail" : response.StatusDescription;
        return status switch
        {
            401 or 403 => new ConnectorFailure(FailureKind.Config, code, $"The payment platform refused the partner (HTTP {status}): {detail}. Check Connectors:payment-platform:MaDoiTac and SecretKey."),
            408 or 429 or >= 500 => new ConnectorFailure(FailureKind.Transient, code, $"The payment platform is unavailable (HTTP {status}): {detail}", RetryAfterReader.Read(response)),
            404 => new ConnectorFailure(FailureKind.Config, code, $"The payment platform has no such endpoint (HTTP 404). Check Connectors:payment-platform:BaseUrl."),
            >= 400 => new ConnectorFailure(FailureKind.Permanent, code, $"The payment platform refused the message (HTTP {status}): {detail}"),
            _ => new ConnectorFailure(FailureKind.Config, code, $"The payment platform answered an unexpected HTTP {status}. Check Connectors:payment-platform:BaseUrl."),
        };
    }

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

    public static ConnectorFailure Malformed(string problem) =>
        new(FailureKind.Transient, "PAYMENT-MALFORMED", $"The payment platform sent a reply that cannot be read: {problem}");
}
