using System.Net.Http.Headers;
using System.Text.Json;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Kit;

/// <summary>
/// One counterparty's HTTP API over the host's <see cref="HttpClient"/>, whose handler already runs the counterparty's
/// resilience pipeline (so there is no retry here, and no timeout of its own). Requests go to
/// <see cref="CounterpartyEndpoint.BaseUrl"/> with its <see cref="CounterpartyEndpoint.Auth"/>; JSON bodies are written
/// whole (UTF-8, with their length) and read with <see cref="CounterpartyEndpoint.Json"/>. Every failure comes out as a
/// <see cref="ConnectorException"/> classified by <see cref="HttpFailureClassifier"/> (an unreadable 2xx body:
/// Transient <c>MALFORMED</c>); the caller's own cancellation is thrown as such.
/// </summary>
public sealed class CounterpartyHttpClient
{
    private const int MaxErrorBodyChars = 64 * 1024;
    private readonly HttpClient _http;

    public CounterpartyHttpClient(HttpClient httpClient, CounterpartyEndpoint endpoint)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Failures = new HttpFailureClassifier(endpoint.Counterparty);
    }

    public CounterpartyEndpoint Endpoint { get; }

    /// <summary>The kit's failure rule in this counterparty's name and codes.</summary>
    public HttpFailureClassifier Failures { get; }

    /// <summary>A request to <c>{BaseUrl}/{path}?{query}</c> carrying the credentials.</summary>
    /// <exception cref="InvalidOperationException">BaseUrl is not an absolute http or https URL: a connector checks its
    /// options before calling (<see cref="ConnectorBase{TOptions}.ThrowIfInvalid()"/>).</exception>
    public HttpRequestMessage NewRequest(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var request = new HttpRequestMessage(method, Resolve(path, query));
        Endpoint.Auth?.ApplyTo(request);
        return request;
    }

    /// <summary>Sends a request and returns its answer whatever the status (<see cref="FailureOfAsync"/> classifies
    /// it); only no answer at all is thrown: a timeout or a broken connection, Transient.</summary>
    public async Task<HttpResponseMessage> ExchangeAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not ConnectorException)
        {
            throw new ConnectorException(Failures.FromException(exception), exception);
        }
    }

    /// <returns>Null for a 2xx answer; else its classified failure, with the counterparty's own error read from the
    /// body when <see cref="CounterpartyEndpoint.ReadError"/> finds one.</returns>
    public async Task<ConnectorFailure?> FailureOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var error = Endpoint.ReadError is { } read ? await ReadErrorAsync(response, read, cancellationToken).ConfigureAwait(false) : null;
        return Failures.Classify(response, error);
    }

    /// <summary>Sends a request; a 2xx answer is returned (with <see cref="HttpCompletionOption.ResponseHeadersRead"/>
    /// its body is left to read as a stream), anything else is thrown classified.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(request, completion, cancellationToken).ConfigureAwait(false);
        ConnectorFailure? failure;
        try
        {
            failure = await FailureOfAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (failure is null)
        {
            return response;
        }

        response.Dispose();
        throw new ConnectorException(failure);
    }

    /// <summary>GETs <paramref name="path"/> and returns the 2xx reply's text.</summary>
    public async Task<string> GetTextAsync(string path, IEnumerable<KeyValuePair<string, string>>? query, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, path, query);
        return await TextOfAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs <paramref name="path"/> and reads the 2xx reply as <typeparamref name="T"/>.</summary>
    public async Task<T> GetJsonAsync<T>(string path, IEnumerable<KeyValuePair<string, string>>? query, CancellationToken cancellationToken) =>
        ParseJson<T>(await GetTextAsync(path, query, cancellationToken).ConfigureAwait(false));

    /// <summary>POSTs <paramref name="body"/> as JSON and returns the 2xx reply's text.</summary>
    public async Task<string> PostJsonAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, path);
        request.Content = JsonContent(body);
        return await TextOfAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and reads the 2xx reply as <typeparamref name="T"/>.</summary>
    public async Task<T> PostJsonAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        ParseJson<T>(await PostJsonAsync(path, body, cancellationToken).ConfigureAwait(false));

    /// <summary>A JSON request body of <paramref name="body"/>'s runtime type, serialized once: a retry by the
    /// resilience pipeline sends the same bytes.</summary>
    public ByteArrayContent JsonContent(object body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Endpoint.Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Reads a reply's text as <typeparamref name="T"/>.</summary>
    /// <exception cref="ConnectorException">Transient <c>MALFORMED</c>: not JSON, not that shape, or null.</exception>
    public T ParseJson<T>(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Endpoint.Json) ?? throw new JsonException("the reply is empty (null)");
        }
        catch (JsonException exception)
        {
            throw new ConnectorException(Failures.Malformed(exception.Message), exception);
        }
    }

    private async Task<string> TextOfAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // ResponseContentRead: the body arrives inside the exchange, so a connection that breaks mid-body is classified there.
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private Uri Resolve(string path, IEnumerable<KeyValuePair<string, string>>? query)
    {
        var baseUrl = Endpoint.BaseUrl;
        if (!AbsoluteHttpUrlAttribute.IsAbsoluteHttpUrl(baseUrl))
        {
            throw new InvalidOperationException($"{Endpoint.Counterparty.Name}: BaseUrl '{baseUrl}' is not an absolute http or https URL; check the options before calling.");
        }

        // Without the trailing slash "https://host/igate" + "api/v1" would drop the "igate" segment.
        var url = new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), path.TrimStart('/'));
        var parameters = string.Join("&", (query ?? []).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return parameters.Length == 0 ? url : new UriBuilder(url) { Query = parameters }.Uri;
    }

    private static async Task<CounterpartyError?> ReadErrorAsync(HttpResponseMessage response, Func<string, CounterpartyError?> read, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(body) || body.Length > MaxErrorBodyChars ? null : read(body);
        }
        catch (Exception exception) when (exception is JsonException or HttpRequestException or IOException)
        {
            // An error body that cannot be read leaves the HTTP status to speak.
            return null;
        }
    }
}
