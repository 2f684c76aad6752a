using System.Globalization;
using System.Net;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.NationalPortal.Client;

/// <summary>Turns a transport-level failure (status code, network error, timeout) into a classified failure.
/// RestSharp does not throw on these, so every response passes through here.</summary>
internal static class HttpFailureClassifier
{
    /// <returns>Null when the response arrived with a success status and its body should be read.</returns>
    public static ConnectorFailure? Classify(RestResponse response, string operation, TimeProvider timeProvider)
    {
        var status = (int)response.StatusCode;
        if (status == 0)
        {
            // No HTTP answer at all. The caller's own cancellation is handled before this point, so a
            // cancellation here is a timeout (HttpClient.Timeout, RestSharp's or the pipeline's).
            var timedOut = response.ResponseStatus == ResponseStatus.TimedOut
                || response.ErrorException is OperationCanceledException or TimeoutException;
            return timedOut
                ? new ConnectorFailure(FailureKind.Transient, "timeout", $"{operation}: the portal did not answer in time.")
                : new ConnectorFailure(FailureKind.Transient, "network", $"{operation}: {response.ErrorMessage ?? "the portal could not be reached"}.");
        }

        if (status is >= 200 and < 300)
        {
            return null;
        }

        var code = $"http-{status}";
        var message = $"{operation}: the portal answered HTTP {status} {response.StatusDescription}".TrimEnd() + ".";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConnectorFailure(FailureKind.Config, code, message + " Check Username and Password."),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => new ConnectorFailure(FailureKind.Transient, code, message, RetryAfter(response, timeProvider)),
            _ when status >= 500 => new ConnectorFailure(FailureKind.Transient, code, message, RetryAfter(response, timeProvider)),

            // A wrong BaseUrl shows as 404/405: configuration, not this data.
            HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed => new ConnectorFailure(FailureKind.Config, code, message + " Check BaseUrl."),
            _ => new ConnectorFailure(FailureKind.Permanent, code, message),
        };
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 allows both).</summary>
    private static TimeSpan? RetryAfter(RestResponse response, TimeProvider timeProvider)
    {
        var value = response.Headers?
            .FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?
            .Value?.ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = date - timeProvider.GetUtcNow();
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
