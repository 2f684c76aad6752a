namespace IntegrationHub.Connectors.Kit;

/// <summary>Puts <see cref="HttpAuth"/> on every request, for a client that builds its own HTTP stack and only lets a
/// handler in (WCF): <c>new HttpAuthHandler(auth) { InnerHandler = handler }</c>. A connector on the host's HttpClient
/// uses <see cref="CounterpartyHttpClient"/> instead.</summary>
public sealed class HttpAuthHandler(HttpAuth auth) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        auth.ApplyTo(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        auth.ApplyTo(request);
        return base.Send(request, cancellationToken);
    }
}
