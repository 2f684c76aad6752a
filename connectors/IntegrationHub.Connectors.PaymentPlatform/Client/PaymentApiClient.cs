using System.Text.Json;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>The platform's HTTP API over the host's HttpClient (which carries the counterparty's resilience pipeline,
/// so there is no retry here). Every failure, HTTP or MaLoi, comes out as a classified <see cref="ConnectorException"/>.</summary>
internal sealed class PaymentApiClient(PaymentPlatformOptions options, HttpClient httpClient) : IDisposable
{
    // The HttpClient belongs to the host's factory: RestSharp must not dispose it. Absolute URLs per request, so a bad
    // BaseUrl is reported by a check rather than breaking construction. RestSharp's own timeout is off: the
    // counterparty pipeline owns time.
    private readonly RestClient _rest = new(httpClient, new RestClientOptions { Timeout = Timeout.InfiniteTimeSpan }, disposeHttpClient: false);

    /// <summary>POSTs one message to <c>api/payment</c>.</summary>
    /// <returns>The reply (MaLoi "00") and its JSON text as received.</returns>
    public async Task<(PaymentReply Reply, string Json)> SendAsync(object message, CancellationToken cancellationToken)
    {
        var request = new RestRequest(PaymentUrls.Resolve(options.BaseUrl, PaymentUrls.Payment), Method.Post);
        request.AddStringBody(JsonSerializer.Serialize(message, message.GetType(), PaymentJson.Options), ContentType.Json);
        var json = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var reply = Read<PaymentReply>(json);
        return reply.MaLoi == PaymentErrorCodes.Success
            ? (reply, json)
            : throw new ConnectorException(PaymentFailures.Rejected(reply.MaLoi, reply.MoTaLoi));
    }

    /// <summary>GETs <c>api/statement</c> with the query parameters.</summary>
    public async Task<PaymentStatementReply> GetStatementAsync(IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var request = new RestRequest(PaymentUrls.Resolve(options.BaseUrl, PaymentUrls.Statement), Method.Get);
        foreach (var (name, value) in query)
        {
            request.AddQueryParameter(name, value);
        }

        var reply = Read<PaymentStatementReply>(await ExecuteAsync(request, cancellationToken).ConfigureAwait(false));
        return reply.MaLoi == PaymentErrorCodes.Success
            ? reply
            : throw new ConnectorException(PaymentFailures.Rejected(reply.MaLoi, reply.MoTaLoi));
    }

    public void Dispose() => _rest.Dispose();

    private async Task<string> ExecuteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var response = await _rest.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);

        // RestSharp turns the caller's cancellation into an "Aborted" response; the contract wants it thrown.
        cancellationToken.ThrowIfCancellationRequested();

        var failure = PaymentFailures.ClassifyHttp(response);
        return failure is null ? response.Content ?? string.Empty : throw new ConnectorException(failure, response.ErrorException);
    }

    private static T Read<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, PaymentJson.Options)
                ?? throw new ConnectorException(PaymentFailures.Malformed("an empty reply"));
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(PaymentFailures.Malformed(ex.Message), ex);
        }
    }
}
