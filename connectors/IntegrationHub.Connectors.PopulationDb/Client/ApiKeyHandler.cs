namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>Adds the platform's API key header to every SOAP request.</summary>
internal sealed class ApiKeyHandler(string apiKey, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string HeaderName = "X-Api-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
