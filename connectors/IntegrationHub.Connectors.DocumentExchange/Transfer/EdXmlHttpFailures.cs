using System.Net;
using System.Text.Json;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>Classifies what is left of a call after the host's resilience pipeline has retried it: 401/403 are
/// configuration, 408/429/5xx and network failures transient, other 4xx a permanent refusal of this message.
/// The counterparty's JSON error <c>{"code","message"}</c> gives the failure code when present.</summary>
public static class EdXmlHttpFailures
{
    /// <summary>A status message about a document the counterparty does not know yet (HTTP 404 to a status post).</summary>
    public const string DocumentNotYetKnownCode = "DOCUMENT-NOT-YET-KNOWN";

    public static async Task<ConnectorFailure> FromResponseAsync(HttpResponseMessage response, string counterparty, string codePrefix, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var (code, message) = await DescribeAsync(response, codePrefix, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            401 or 403 => new ConnectorFailure(FailureKind.Config, code, $"{counterparty} refused the credentials (HTTP {status}): {message}. Check its ApiKey."),
            408 or 429 or >= 500 => new ConnectorFailure(FailureKind.Transient, code, $"{counterparty} is unavailable (HTTP {status}): {message}", response.Headers.RetryAfter?.Delta),
            >= 400 => new ConnectorFailure(FailureKind.Permanent, code, $"{counterparty} refused the message (HTTP {status}): {message}"),
            _ => new ConnectorFailure(FailureKind.Config, code, $"{counterparty} answered an unexpected HTTP {status}: {message}. Check its BaseUrl."),
        };
    }

    /// <summary>A status message refused with 404 (the documented "unknown document") may only have overtaken its
    /// document: documents and statuses travel in separate flows, so a recall posted right after sending can reach the
    /// counterparty first. Retried with the delivery's backoff (its MaxAttempts bounds the wait) rather than
    /// dead-lettered, which with HoldBehindDeadLetter would also hold every later status of the document.</summary>
    public static ConnectorFailure StatusBeforeDocument(ConnectorFailure refusal) =>
        new(FailureKind.Transient, DocumentNotYetKnownCode, $"{refusal.Message} ({refusal.Code}); the document may not have arrived yet, so the status is retried.");

    /// <summary>Whether a failure belongs to its message alone (so the rest of a batch is still sent) rather than to the
    /// counterparty (credentials, an outage: the rest of the batch waits).</summary>
    public static bool IsAboutTheMessage(ConnectorFailure failure) =>
        failure.Kind == FailureKind.Permanent || failure.Code == DocumentNotYetKnownCode;

    /// <summary>No HTTP answer: refused connection, reset, an attempt timeout or an open circuit.</summary>
    public static ConnectorFailure Unreachable(Exception exception, string counterparty, string codePrefix) =>
        new(FailureKind.Transient, $"{codePrefix}-NETWORK", $"{counterparty} could not be reached: {exception.Message}");

    public static ConnectorFailure Malformed(string problem, string counterparty, string codePrefix) =>
        new(FailureKind.Transient, $"{codePrefix}-MALFORMED", $"{counterparty} sent a reply that cannot be read: {problem}");

    /// <summary>A document or status the hub itself cannot express as valid edXML: retrying will not help.</summary>
    public static ConnectorFailure Invalid(EdXmlException exception) =>
        new(FailureKind.Permanent, exception.Code, $"Not a valid edXML message: {exception.Message}");

    private static async Task<(string Code, string Message)> DescribeAsync(HttpResponseMessage response, string codePrefix, CancellationToken cancellationToken)
    {
        var fallback = ($"{codePrefix}-HTTP-{(int)response.StatusCode}", response.ReasonPhrase ?? "no detail");
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(body) || body.Length > 64 * 1024)
            {
                return fallback;
            }

            var error = JsonSerializer.Deserialize<EdXmlErrorReply>(body, JsonSerializerOptions.Web);
            return error?.Code is { Length: > 0 } code ? (code, error.Message ?? fallback.Item2) : fallback;
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
        {
            return fallback;
        }
    }
}
