using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>How dotnet/wcf lets a client wrap its HTTP handler: a <c>Func&lt;HttpClientHandler, HttpMessageHandler&gt;</c>
/// binding parameter; the returned handler (a <see cref="PartnerSigningHandler"/>) sends every request of the channel.</summary>
public sealed class PartnerSigningBehavior(Func<HttpClientHandler, HttpMessageHandler> wrap) : IEndpointBehavior
{
    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters) => bindingParameters.Add(wrap);

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
