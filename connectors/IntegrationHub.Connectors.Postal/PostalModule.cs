using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.Postal.PostalModule))]

namespace IntegrationHub.Connectors.Postal;

/// <summary>What this package adds to the hub: the connector to the postal service (options from <c>Connectors:postal</c>)
/// and its sandbox (<c>Sandboxes:postal</c>). Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class PostalModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<PostalConnector, PostalOptions>(PostalConnector.ConnectorId)
            .AddSandbox<PostalSandbox, PostalSandboxOptions>(PostalConnector.ConnectorId);
}
