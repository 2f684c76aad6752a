using System.Diagnostics;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Observability;
using Polly;
using Polly.CircuitBreaker;

namespace IntegrationHub.Host.Delivery;

/// <summary>Runs every HTTP call of a connector through its counterparty's pipeline. The first attempt sends the request
/// itself; a request message can be sent only once, so each retry sends a copy. A body that can be serialized again
/// (a <see cref="ByteArrayContent"/>, as the kit's JSON bodies are, or an <see cref="IStreamedRequestContent"/>, which
/// regenerates itself: a 50 MB e-document is never buffered) is carried over to the copy as it is; any other body is
/// buffered up front, as its first sending may consume it. A retry is built from what the request was before its first
/// sending: the handlers below change the request they send (a redirect rewrites its address, method and body and drops
/// its credentials; tracing adds its parent span). Each call is a span (its attempts are the HTTP client spans
/// under it) and each attempt is measured (<see cref="CounterpartyCallRecorder"/>).</summary>
public sealed class CounterpartyResilienceHandler(
    ResiliencePipeline<HttpResponseMessage> pipeline, string counterpartyId, CounterpartyCallRecorder recorder, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null or ByteArrayContent or IStreamedRequestContent ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var state = new CallState(this, request, body, cancellationToken);
        using var span = recorder.StartCall(counterpartyId);
        try
        {
            var response = await pipeline.ExecuteAsync(static (state, token) => state.Handler.SendAttemptAsync(state, token), state, cancellationToken);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            return response;
        }
        catch (Exception e) when (e is BrokenCircuitException)
        {
            // Refused by the open circuit without being sent: a failure of its own kind, with no duration.
            recorder.Refused(counterpartyId);
            span?.SetStatus(ActivityStatusCode.Error, "circuit open");
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(CallState state, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var request = state.Attempts++ == 0 ? state.Request : Copy(state, state.Body);
            var response = await base.SendAsync(request, cancellationToken);
            recorder.Attempted(counterpartyId, timeProvider.GetElapsedTime(started), CounterpartyCallRecorder.FailureOf(response.StatusCode));
            return response;
        }
        catch (Exception e) when (!state.CallerToken.IsCancellationRequested)
        {
            // The caller's own cancellation is no failure of the counterparty's and is not counted.
            recorder.Attempted(counterpartyId, timeProvider.GetElapsedTime(started), CounterpartyCallRecorder.FailureOf(e));
            throw;
        }
    }

    /// <summary>A retry's request: the original's method, address, headers and options as they were before the first
    /// sending, with its body carried over (re-serializable) or rebuilt from the bytes buffered before the first attempt.</summary>
    private static HttpRequestMessage Copy(CallState original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.Uri) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (original.Content is ByteArrayContent or IStreamedRequestContent)
        {
            copy.Content = original.Content;
        }
        else if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in original.Request.Options)
        {
            copy.Options.TryAdd(option.Key, option.Value);
        }

        return copy;
    }

    /// <summary>One call through the pipeline: what each attempt needs (the request as it was before its first sending),
    /// and how many were made.</summary>
    private sealed class CallState(CounterpartyResilienceHandler handler, HttpRequestMessage request, byte[]? body, CancellationToken callerToken)
    {
        public CounterpartyResilienceHandler Handler { get; } = handler;

        public HttpRequestMessage Request { get; } = request;

        public HttpMethod Method { get; } = request.Method;

        public Uri? Uri { get; } = request.RequestUri;

        public Version Version { get; } = request.Version;

        public HttpVersionPolicy VersionPolicy { get; } = request.VersionPolicy;

        public KeyValuePair<string, string[]>[] Headers { get; } = [.. request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray()))];

        public HttpContent? Content { get; } = request.Content;

        public byte[]? Body { get; } = body;

        public CancellationToken CallerToken { get; } = callerToken;

        public int Attempts { get; set; }
    }
}
