using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>The platform's HTTP API over the kit's <see cref="CounterpartyHttpClient"/> (the host's HttpClient, which
/// carries the counterparty's resilience pipeline, so there is no retry here; messages are signed, so no auth header).
/// Every failure, HTTP or MaLoi, comes out as a classified <see cref="ConnectorException"/>.</summary>
internal sealed class PaymentApiClient(PaymentPlatformOptions options, HttpClient httpClient)
{
    private readonly CounterpartyHttpClient _http = new(httpClient, new CounterpartyEndpoint(options.BaseUrl, PaymentFailures.Counterparty)
    {
        Json = PaymentJson.Options,
    });

    /// <summary>POSTs one message to <c>api/payment</c>.</summary>
    /// <returns>The reply (MaLoi "00") and its JSON text as received.</returns>
    public async Task<(PaymentReply Reply, string Json)> SendAsync(object message, CancellationToken cancellationToken)
    {
        var json = await _http.PostJsonAsync(PaymentUrls.Payment, message, cancellationToken).ConfigureAwait(false);
        var reply = _http.ParseJson<PaymentReply>(json);
        return reply.MaLoi == PaymentErrorCodes.Success
            ? (reply, json)
            : throw new ConnectorException(PaymentFailures.Rejected(reply.MaLoi, reply.MoTaLoi));
    }

    /// <summary>GETs <c>api/statement</c> with the query parameters.</summary>
    public async Task<PaymentStatementReply> GetStatementAsync(IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var reply = await _http.GetJsonAsync<PaymentStatementReply>(PaymentUrls.Statement, query, cancellationToken).ConfigureAwait(false);
        return reply.MaLoi == PaymentErrorCodes.Success
            ? reply
            : throw new ConnectorException(PaymentFailures.Rejected(reply.MaLoi, reply.MoTaLoi));
    }
}
