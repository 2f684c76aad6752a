using IntegrationHub.Connectors.Kit;
using System.Text.Json;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Classifies a whole-call failure. The HttpClient's resilience pipeline has already retried what it retries;
/// this only says what the host should do with what is left.</summary>
internal static class IGateFailureClassifier
{
    /// <returns>Null when the call succeeded (2xx).</returns>
    public static ConnectorFailure? Classify(RestResponse response)
    {
        if (response.ResponseStatus == ResponseStatus.TimedOut)
        {
            return new ConnectorFailure(FailureKind.Transient, "IGATE-TIMEOUT", $"iGate did not answer in time: {response.ErrorMessage}");
        }

        var status = (int)response.StatusCode;
        if (status == 0)
        {
            // No HTTP answer at all: refused connection, DNS, reset, a resilience timeout or an open circuit.
            return new ConnectorFailure(FailureKind.Transient, "IGATE-NETWORK", $"iGate could not be reached: {response.ErrorMessage}");
        }

        if (status is >= 200 and < 300)
        {
            return null;
        }

        var (code, message) = Describe(response, status);
        return status switch
        {
            401 or 403 => new ConnectorFailure(FailureKind.Config, code, $"iGate refused the credentials (HTTP {status}): {message}. Check Connectors:igate:ApiKey."),
            408 or 429 or >= 500 => new ConnectorFailure(FailureKind.Transient, code, $"iGate is unavailable (HTTP {status}): {message}", RetryAfterReader.Read(response)),
            >= 400 => new ConnectorFailure(FailureKind.Permanent, code, $"iGate refused the call (HTTP {status}): {message}"),
            _ => new ConnectorFailure(FailureKind.Config, code, $"iGate answered an unexpected HTTP {status}: {message}. Check Connectors:igate:BaseUrl."),
        };
    }

    public static ConnectorFailure Malformed(string problem) =>
        new(FailureKind.Transient, "IGATE-MALFORMED", $"iGate sent a reply that cannot be read: {problem}");

    /// <summary>Prefers iGate's own error code and message; falls back to the HTTP status.</summary>
    private static (string Code, string Message) Describe(RestResponse response, int status)
    {
        var fallback = ($"IGATE-HTTP-{status}", string.IsNullOrWhiteSpace(response.StatusDescription) ? "no detail" : response.StatusDescription);
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return fallback;
        }

        try
        {
            var error = JsonSerializer.Deserialize<IGateErrorReply>(response.Content, JsonSerializerOptions.Web);
            return error?.ErrorCode is { Length: > 0 } errorCode
                ? (errorCode, error.ErrorMessage ?? fallback.Item2)
                : fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }
}
