using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>WCF's hook into the HttpClient it builds: a <c>Func&lt;HttpClientHandler, HttpMessageHandler&gt;</c> binding
/// parameter. The kit's credentials handler goes innermost; the host's handler (its counterparty pipeline), when given,
/// wraps it.</summary>
internal sealed class HttpHandlerBehavior(HttpAuth auth, Func<HttpMessageHandler, HttpMessageHandler>? outer) : IEndpointBehavior
{
    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
        Func<HttpClientHandler, HttpMessageHandler> build = handler =>
        {
            HttpMessageHandler chain = new HttpAuthHandler(auth) { InnerHandler = handler };
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
