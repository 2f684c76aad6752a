using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>WCF's hook into the HttpClient it builds: a <c>Func&lt;HttpClientHandler, HttpMessageHandler&gt;</c> binding
/// parameter. The API key handler goes innermost; the host's handler (its counterparty pipeline), when given, wraps it.</summary>
internal sealed class HttpHandlerBehavior(string apiKey, Func<HttpMessageHandler, HttpMessageHandler>? outer) : IEndpointBehavior
{
    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
        Func<HttpClientHandler, HttpMessageHandler> build = handler =>
        {
            HttpMessageHandler chain = new ApiKeyHandler(apiKey, handler);
            return outer is null ? chain : outer(chain);
        };
        bindingParameters.Add(build);
    }

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime)
    {
    }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    public void Validate(ServiceEndpoint endpoint)
    {
    }
}
