using IntegrationHub.Contracts;
using Polly.Timeout;
using RestSharp;

namespace IntegrationHub.Connectors.Kit;

/// <summary>
/// The one rule for what is left of an HTTP call after the host's resilience pipeline has retried it (no retry here):
/// <list type="bullet">
/// <item>2xx: not a failure (null).</item>
/// <item>No answer: a timeout (HttpClient's, the pipeline's <see cref="TimeoutRejectedException"/>, RestSharp's, any
/// <see cref="TimeoutException"/> or a cancellation the caller did not ask for) is Transient <c>Codes.Timeout</c>;
/// anything else (refused, DNS, reset, <see cref="IOException"/>, an open circuit) Transient <c>Codes.Network</c>.
/// The caller's own cancellation is not a failure: callers check their token before classifying.</item>
/// <item>408, 429, 5xx: Transient, with Retry-After (seconds, or an HTTP date measured against the reply's Date
/// header) capped at <see cref="HttpCounterparty.MaxRetryAfter"/>.</item>
/// <item>401, 403: Config (the credentials), never retried.</item>
/// <item>A status in <see cref="HttpCounterparty.WrongAddressStatuses"/> (e.g. 404/405 from an API where they only mean a
/// wrong BaseUrl): Config.</item>
/// <item>Any other 4xx: Permanent, this message is refused.</item>
/// <item>Anything else (1xx, an unfollowed 3xx): Config, the hub is not talking to the API it expects.</item>
/// <item>A 2xx whose body cannot be read (<see cref="Malformed"/>): Transient <c>Codes.Malformed</c>.</item>
/// </list>
/// An HTTP failure's code is <c>Codes.Http(status)</c> unless the connector read the counterparty's own
/// <see cref="CounterpartyError"/> from the body. What only one counterparty means (a SOAP fault, a payment MaLoi, an
/// edXML refusal) stays in its connector, on top of this.
/// </summary>
public sealed class HttpFailureClassifier(HttpCounterparty counterparty)
{
    public HttpCounterparty Counterparty => counterparty;

    /// <returns>Null when the call got a 2xx answer.</returns>
    public ConnectorFailure? Classify(RestResponse response, CounterpartyError? error = null)
    {
        var status = (int)response.StatusCode;
        if (status == 0 || response.ResponseStatus == ResponseStatus.TimedOut)
        {
            var detail = response.ErrorMessage ?? response.ErrorException?.Message ?? "no answer";
            return response.ResponseStatus == ResponseStatus.TimedOut || IsTimeout(response.ErrorException)
                ? TimedOut(detail)
                : Unreachable(detail);
        }

        return IsSuccess(status) ? null : FromStatus(status, response.StatusDescription, RetryAfterReader.Read(response), error);
    }

    /// <returns>Null when the call got a 2xx answer. The body is not read: a connector that reads the counterparty's
    /// error from it passes it as <paramref name="error"/>.</returns>
    public ConnectorFailure? Classify(HttpResponseMessage response, CounterpartyError? error = null)
    {
        var status = (int)response.StatusCode;
        return IsSuccess(status) ? null : FromStatus(status, response.ReasonPhrase, RetryAfterReader.Read(response), error);
    }

    /// <param name="reason">The reason phrase, used when the counterparty sent no error of its own.</param>
    public ConnectorFailure FromStatus(int status, string? reason, TimeSpan? retryAfter, CounterpartyError? error = null)
    {
        var code = error?.Code ?? counterparty.Codes.Http(status);
        var detail = FirstText(error?.Message, reason) ?? "no detail";
        var name = counterparty.Name;
        return status switch
        {
            401 or 403 => new(FailureKind.Config, code, $"{name} refused the credentials (HTTP {status}): {detail}. {counterparty.CredentialsHint}"),
            408 or 429 or >= 500 => new(FailureKind.Transient, code, $"{name} is unavailable (HTTP {status}): {detail}", Capped(retryAfter)),
            _ when counterparty.WrongAddressStatuses.Contains(status) =>
                new(FailureKind.Config, code, $"{name} has no such endpoint (HTTP {status}): {detail}. {counterparty.AddressHint}"),
            >= 400 => new(FailureKind.Permanent, code, $"{name} refused the call (HTTP {status}): {detail}"),
            _ => new(FailureKind.Config, code, $"{name} answered an unexpected HTTP {status}: {detail}. {counterparty.AddressHint}"),
        };
    }

    /// <summary>A call that got no HTTP answer and threw (plain HttpClient, WCF). Not for the caller's own cancellation.</summary>
    public ConnectorFailure FromException(Exception exception) =>
        IsTimeout(exception) ? TimedOut(exception.Message) : Unreachable(exception.Message);

    /// <summary>An answer that arrived but cannot be read: the counterparty may answer properly next time.</summary>
    public ConnectorFailure Malformed(string problem) =>
        new(FailureKind.Transient, counterparty.Codes.Malformed, $"{counterparty.Name} sent a reply that cannot be read: {problem}");

    private ConnectorFailure TimedOut(string detail) =>
        new(FailureKind.Transient, counterparty.Codes.Timeout, $"{counterparty.Name} did not answer in time: {detail}");

    private ConnectorFailure Unreachable(string detail) =>
        new(FailureKind.Transient, counterparty.Codes.Network, $"{counterparty.Name} could not be reached: {detail}");

    private TimeSpan? Capped(TimeSpan? retryAfter) =>
        retryAfter > counterparty.MaxRetryAfter ? counterparty.MaxRetryAfter : retryAfter;

    // Only the outer exception decides: an IOException wrapping a cancellation (a body that stalled) is a broken
    // connection, not a timeout of the call.
    private static bool IsTimeout(Exception? exception) =>
        exception is TimeoutException or TimeoutRejectedException or OperationCanceledException;

    private static bool IsSuccess(int status) => status is >= 200 and < 300;

    private static string? FirstText(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}
