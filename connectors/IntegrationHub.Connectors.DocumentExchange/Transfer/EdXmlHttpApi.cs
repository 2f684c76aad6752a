using System.Globalization;
using System.Net;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>HTTP calls of the edXML-speaking systems over the kit's <see cref="CounterpartyHttpClient"/> (the host's
/// HttpClient, whose handler runs the counterparty's resilience pipeline: no retries here; the API key in its header;
/// the counterparty's JSON error <c>{"code","message"}</c> as the failure code). Documents go up streamed
/// (<see cref="EdXmlEnvelopeContent"/>) and come down streamed (response headers first, body read as it arrives), never
/// buffered whole.</summary>
public sealed class EdXmlHttpApi
{
    private readonly EdXmlStatusWriter _statusWriter = new();
    private readonly CounterpartyHttpClient _http;

    public EdXmlHttpApi(HttpClient httpClient, EdXmlHttpEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _http = new CounterpartyHttpClient(httpClient, new CounterpartyEndpoint(
            endpoint.BaseUrl,
            new HttpCounterparty(endpoint.Counterparty, HttpFailureCodes.Prefixed(endpoint.CodePrefix))
            {
                CredentialsHint = "Check its ApiKey.",
                AddressHint = "Check its BaseUrl.",
            })
        {
            Auth = HttpAuth.ApiKey(endpoint.ApiKeyHeader, endpoint.ApiKey),
            ReadError = EdXmlHttpFailures.ErrorOf,
        });
    }

    public EdXmlHttpEndpoint Endpoint { get; }

    /// <summary>The kit's HTTP failure rule in this counterparty's name and codes (<c>{CodePrefix}-HTTP-503</c>, …).</summary>
    public HttpFailureClassifier Failures => _http.Failures;

    /// <exception cref="ConnectorException">Classified; malformed JSON is transient.</exception>
    public Task<T> GetJsonAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        where T : class =>
        _http.GetJsonAsync<T>(path, query, cancellationToken);

    /// <summary>A page of a sequenced feed: <c>GET {path}?{query}&amp;after={seq}&amp;limit={pageSize}</c>.</summary>
    public async Task<KeysetPage<EdXmlListItem>> PageAsync(
        string path, IEnumerable<KeyValuePair<string, string>> query, SequenceCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var page = await GetJsonAsync<EdXmlListPage>(path, [.. query, Query("after", after?.Seq ?? 0), Query("limit", pageSize)], cancellationToken).ConfigureAwait(false);
        return new KeysetPage<EdXmlListItem>(page.Items, page.HasMore);
    }

    /// <summary>A successful GET whose body is not yet read; the caller reads it as a stream and disposes the response.</summary>
    /// <exception cref="ConnectorException">Classified.</exception>
    public async Task<HttpResponseMessage> OpenAsync(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        using var request = _http.NewRequest(HttpMethod.Get, path, query);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Delivers a hub message whose payload is a <see cref="HubDocument"/>, its attachments streamed from the store.</summary>
    public Task<ConnectorFailure?> PostDocumentAsync(string path, OutboundMessage message, IAttachmentStore attachments, CancellationToken cancellationToken) =>
        PostDocumentAsync(
            path,
            HubDocumentEnvelope.Create(HubDocumentJson.Deserialize<HubDocument>(message.Payload, Endpoint.CodePrefix), attachments),
            message.IdempotencyKey,
            cancellationToken);

    /// <summary>Delivers a hub message whose payload is an <see cref="EdXmlStatus"/>.</summary>
    public Task<ConnectorFailure?> PostStatusAsync(string path, OutboundMessage message, CancellationToken cancellationToken) =>
        PostStatusAsync(path, HubDocumentJson.Deserialize<EdXmlStatus>(message.Payload, Endpoint.CodePrefix), message.IdempotencyKey, cancellationToken);

    /// <summary>POSTs an e-document, streamed; null when accepted, else this message's classified failure.</summary>
    public async Task<ConnectorFailure?> PostDocumentAsync(string path, EdXmlEnvelope envelope, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            // Checked before sending: a rule broken half-way through a streamed body would reach us as a network error.
            EdXmlEnvelopeRules.Check(envelope);
        }
        catch (EdXmlException ex)
        {
            return EdXmlHttpFailures.Invalid(ex);
        }

        return (await PostAsync(path, new EdXmlEnvelopeContent(envelope), idempotencyKey, cancellationToken).ConfigureAwait(false)).Failure;
    }

    /// <summary>POSTs a status message; null when accepted, else this message's classified failure.</summary>
    public async Task<ConnectorFailure?> PostStatusAsync(string path, EdXmlStatus status, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        try
        {
            await _statusWriter.WriteAsync(status, body, cancellationToken).ConfigureAwait(false);
        }
        catch (EdXmlException ex)
        {
            return EdXmlHttpFailures.Invalid(ex);
        }

        var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(EdXmlMediaType.Value) { CharSet = "utf-8" };
        var (failure, httpStatus) = await PostAsync(path, content, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return failure is not null && httpStatus == HttpStatusCode.NotFound ? EdXmlHttpFailures.StatusBeforeDocument(failure) : failure;
    }

    public static KeyValuePair<string, string> Query(string name, long value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    private async Task<(ConnectorFailure? Failure, HttpStatusCode? Status)> PostAsync(string path, HttpContent content, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = _http.NewRequest(HttpMethod.Post, path);
        request.Content = content;
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        try
        {
            using var response = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
            return (await _http.FailureOfAsync(response, cancellationToken).ConfigureAwait(false), response.StatusCode);
        }
        catch (ConnectorException ex)
        {
            return (ex.Failure, null);
        }
    }

    /// <exception cref="ConnectorException">No HTTP answer (transient), or a body the hub could not write: an attachment
    /// the store cannot give back intact, or content that is not edXML (permanent: retrying reads the same bytes).</exception>
    private async Task<HttpResponseMessage> ExchangeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.ExchangeAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.InnerException is { } cause && BodyFailure(cause) is { } failure)
        {
            throw new ConnectorException(failure, cause);
        }
    }

    private static ConnectorFailure? BodyFailure(Exception exception)
    {
        var attachment = (Exception?)Find<InvalidDataException>(exception) ?? Find<FileNotFoundException>(exception);
        if (attachment is not null)
        {
            return new ConnectorFailure(FailureKind.Permanent, "ATTACHMENT-UNREADABLE", attachment.Message);
        }

        return Find<EdXmlException>(exception) is { } edXml ? EdXmlHttpFailures.Invalid(edXml) : null;
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
            {
                return match;
            }
        }

        return null;
    }
}
