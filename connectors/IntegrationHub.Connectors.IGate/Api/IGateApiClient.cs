using System.Text.Json;
using IntegrationHub.Contracts;
using RestSharp;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>The iGate HTTP API over the host's HttpClient (which carries the counterparty's resilience pipeline, so
/// there is no retry here). Every failure comes out as a classified <see cref="ConnectorException"/>.</summary>
internal sealed class IGateApiClient(IGateOptions options, HttpClient httpClient) : IDisposable
{
    // The HttpClient belongs to the host's factory: RestSharp must not dispose it. No BaseUrl here: requests carry
    // absolute URLs, so an invalid BaseUrl is reported by a check instead of breaking construction. RestSharp's own
    // 100 s default timeout is switched off: the counterparty pipeline (per-attempt timeout, retries) owns time, and a
    // second, hidden limit would cut its retries short.
    private readonly RestClient _rest = new(httpClient, new RestClientOptions { Timeout = Timeout.InfiniteTimeSpan }, disposeHttpClient: false);

    /// <returns>iGate's per-item results (not yet matched to messages).</returns>
    public async Task<IReadOnlyList<IGateItemResult>> PostBatchAsync<TItem>(string path, IGateBatchRequest<TItem> batch, CancellationToken cancellationToken)
    {
        var request = NewRequest(path, Method.Post);
        request.AddStringBody(JsonSerializer.Serialize(batch, JsonSerializerOptions.Web), ContentType.Json);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return ReadResults(response.Content);
    }

    /// <returns>The body of a successful GET of <paramref name="path"/> with the query parameters.</returns>
    public async Task<string?> GetAsync(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var request = NewRequest(path, Method.Get);
        foreach (var (name, value) in query)
        {
            request.AddQueryParameter(name, value);
        }

        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Content;
    }

    public async Task PingAsync(CancellationToken cancellationToken) =>
        await SendAsync(NewRequest(IGateUrls.Ping, Method.Get), cancellationToken).ConfigureAwait(false);

    public void Dispose() => _rest.Dispose();

    private RestRequest NewRequest(string path, Method method)
    {
        var request = new RestRequest(IGateUrls.Resolve(options.BaseUrl, path), method);
        request.AddHeader(IGateUrls.ApiKeyHeader, options.ApiKey);
        return request;
    }

    private async Task<RestResponse> SendAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var response = await _rest.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);

        // RestSharp turns the caller's cancellation into an "Aborted" response; the contract wants it thrown.
        cancellationToken.ThrowIfCancellationRequested();

        var failure = IGateFailures.Classify(response);
        return failure is null ? response : throw new ConnectorException(failure, response.ErrorException);
    }

    private static IReadOnlyList<IGateItemResult> ReadResults(string? content)
    {
        IGateBatchReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize<IGateBatchReply>(content ?? string.Empty, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(IGateFailures.Malformed(ex.Message), ex);
        }

        return reply?.Results ?? throw new ConnectorException(IGateFailures.Malformed("no \"results\" array"));
    }
}
