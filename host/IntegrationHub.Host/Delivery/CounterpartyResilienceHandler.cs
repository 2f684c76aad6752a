using System.Diagnostics;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Observability;
using Polly;
using Polly.CircuitBreaker;

namespace IntegrationHub.Host.Delivery;

/// <summary>Runs every HTTP call of a connector through its counterparty's pipeline. A request message can be sent
/// only once, so each attempt sends a copy with the body buffered up front, except a body that is an
/// <see cref="IStreamedRequestContent"/>: it regenerates itself on every serialization, so each attempt's copy carries
/// the same content object and it streams again (a 50 MB e-document is never buffered). Each call is a span (its
/// attempts are the HTTP client spans under it) and each attempt is measured (<see cref="CounterpartyCallRecorder"/>).</summary>
public sealed class CounterpartyResilienceHandler(
    ResiliencePipeline<HttpResponseMessage> pipeline, string counterpartyId, CounterpartyCallRecorder recorder, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null or IStreamedRequestContent ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        using var call = recorder.StartCall(counterpartyId);
        try
        {
            var response = await pipeline.ExecuteAsync(
                async (state, token) => await state.Handler.SendAttemptAsync(state.Request, state.Body, state.CallerToken, token),
                (Handler: this, Request: request, Body: body, CallerToken: cancellationToken),
                cancellationToken);
            call?.SetTag("http.response.status_code", (int)response.StatusCode);
            return response;
        }
        catch (Exception e) when (e is BrokenCircuitException)
        {
            // Refused by the open circuit without being sent: a failure of its own kind, with no duration.
            recorder.Refused(counterpartyId);
            call?.SetStatus(ActivityStatusCode.Error, "circuit open");
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            call?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage original, byte[]? body, CancellationToken callerToken, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await SendCopyAsync(original, body, cancellationToken);
            recorder.Attempted(counterpartyId, timeProvider.GetElapsedTime(started), CounterpartyCallRecorder.FailureOf(response.StatusCode));
            return response;
        }
        catch (Exception e) when (!callerToken.IsCancellationRequested)
        {
            // The caller's own cancellation is no failure of the counterparty's and is not counted.
            recorder.Attempted(counterpartyId, timeProvider.GetElapsedTime(started), CounterpartyCallRecorder.FailureOf(e));
            throw;
        }
    }

    private Task<HttpResponseMessage> SendCopyAsync(HttpRequestMessage original, byte[]? body, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (original.Content is IStreamedRequestContent)
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

        foreach (var option in original.Options)
        {
            copy.Options.TryAdd(option.Key, option.Value);
        }

        return base.SendAsync(copy, cancellationToken);
    }
}
