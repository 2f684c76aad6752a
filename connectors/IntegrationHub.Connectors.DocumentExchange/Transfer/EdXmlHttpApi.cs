using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>HTTP calls of the edXML-speaking systems over the host's HttpClient (whose handler runs the counterparty's
/// resilience pipeline: no retries here). Documents go up streamed (<see cref="EdXmlEnvelopeContent"/>) and come down
/// streamed (response headers first, body read as it arrives), never buffered whole. RestSharp, used by the JSON-only
/// connectors, buffers bodies, hence plain HttpClient here.</summary>
public sealed class EdXmlHttpApi(HttpClient httpClient, EdXmlHttpEndpoint endpoint)
{
    private readonly EdXmlStatusWriter _statusWriter = new();

    public EdXmlHttpEndpoint Endpoint => endpoint;

    /// <summary>The kit's HTTP failure rule in this counterparty's name and codes (<c>{CodePrefix}-HTTP-503</c>, …).</summary>
    public HttpFailureClassifier Failures { get; } = new(new HttpCounterparty(endpoint.Counterparty, HttpFailureCodes.Prefixed(endpoint.CodePrefix))
    {
        CredentialsHint = "Check its ApiKey.",
        AddressHint = "Check its BaseUrl.",
    });

    /// <exception cref="ConnectorException">Classified; malformed JSON is transient.</exception>
    public async Task<T> GetJsonAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await OpenAsync(path, query, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("empty reply");
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(Failures.Malformed(ex.Message), ex);
        }
    }

    /// <summary>A successful GET whose body is not yet read; the caller reads it as a stream and disposes the response.</summary>
    /// <exception cref="ConnectorException">Classified.</exception>
    public async Task<HttpResponseMessage> OpenAsync(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, path, query);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new ConnectorException(await EdXmlHttpFailures.FromResponseAsync(response, Failures, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Delivers a hub message whose payload is a <see cref="HubDocument"/>, its attachments streamed from the store.</summary>
    public Task<ConnectorFailure?> PostDocumentAsync(string path, OutboundMessage message, IAttachmentStore attachments, CancellationToken cancellationToken) =>
        PostDocumentAsync(
            path,
            HubDocumentEnvelope.Create(HubDocumentJson.Deserialize<HubDocument>(message.Payload, endpoint.CodePrefix), attachments),
            message.IdempotencyKey,
            cancellationToken);

    /// <summary>Delivers a hub message whose payload is an <see cref="EdXmlStatus"/>.</summary>
    public Task<ConnectorFailure?> PostStatusAsync(string path, OutboundMessage message, CancellationToken cancellationToken) =>
        PostStatusAsync(path, HubDocumentJson.Deserialize<EdXmlStatus>(message.Payload, endpoint.CodePrefix), message.IdempotencyKey, cancellationToken);

    /// <summary>POSTs an e-document, streamed; null when accepted, else this message's classified failure.</summary>
    public Task<ConnectorFailure?> PostDocumentAsync(string path, EdXmlEnvelope envelope, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            // Checked before sending: a rule broken half-way through a streamed body would reach us as a network error.
            EdXmlEnvelopeRules.Check(envelope);
        }
        catch (EdXmlException ex)
        {
            return Task.FromResult<ConnectorFailure?>(EdXmlHttpFailures.Invalid(ex));
        }

        return RefusalAsync(path, new EdXmlEnvelopeContent(envelope), idempotencyKey, cancellationToken);
    }

    private async Task<ConnectorFailure?> RefusalAsync(string path, HttpContent content, string idempotencyKey, CancellationToken cancellationToken) =>
        (await PostAsync(path, content, idempotencyKey, cancellationToken).ConfigureAwait(false)).Failure;

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

    private async Task<(ConnectorFailure? Failure, HttpStatusCode? Status)> PostAsync(string path, HttpContent content, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, path, []);
        request.Content = content;
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        try
        {
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (null, response.StatusCode)
                : (await EdXmlHttpFailures.FromResponseAsync(response, Failures, cancellationToken).ConfigureAwait(false), response.StatusCode);
        }
        catch (ConnectorException ex)
        {
            return (ex.Failure, null);
        }
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var url = endpoint.BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
        var parameters = string.Join("&", query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var request = new HttpRequestMessage(method, parameters.Length == 0 ? url : url + "?" + parameters);
        request.Headers.Add(endpoint.ApiKeyHeader, endpoint.ApiKey);
        return request;
    }

    /// <exception cref="ConnectorException">No HTTP answer (transient), or an attachment the store cannot give back
    /// intact (permanent: retrying reads the same bytes).</exception>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not ConnectorException)
        {
            var attachment = (Exception?)Find<InvalidDataException>(ex) ?? Find<FileNotFoundException>(ex);
            if (attachment is not null)
            {
                throw new ConnectorException(new ConnectorFailure(FailureKind.Permanent, "ATTACHMENT-UNREADABLE", attachment.Message), ex);
            }

            if (Find<EdXmlException>(ex) is { } edXml)
            {
                throw new ConnectorException(EdXmlHttpFailures.Invalid(edXml), ex);
            }

            throw new ConnectorException(Failures.FromException(ex), ex);
        }
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

    public static KeyValuePair<string, string> Query(string name, long value) => new(name, value.ToString(CultureInfo.InvariantCulture));
}
