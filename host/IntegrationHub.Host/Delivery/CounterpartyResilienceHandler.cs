using IntegrationHub.Contracts;
using Polly;

namespace IntegrationHub.Host.Delivery;

/// <summary>Runs every HTTP call of a connector through its counterparty's pipeline. A request message can be sent
/// only once, so each attempt sends a copy with the body buffered up front, except a body that is an
/// <see cref="IStreamedRequestContent"/>: it regenerates itself on every serialization, so each attempt's copy carries
/// the same content object and it streams again (a 50 MB e-document is never buffered).</summary>
public sealed class CounterpartyResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null or IStreamedRequestContent ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return await pipeline.ExecuteAsync(
            async (state, token) => await state.Handler.SendCopyAsync(state.Request, state.Body, token),
            (Handler: this, Request: request, Body: body),
            cancellationToken);
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
