using IntegrationHub.Contracts;
using IntegrationHub.Connectors.NationalPortal.Sandbox;

[assembly: HubModule(typeof(IntegrationHub.Connectors.NationalPortal.NationalPortalModule))]

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>What this package adds to the hub: the connector to the national public-service portal (options from <c>Connectors:{id}</c>) and
/// its sandbox (<c>Sandboxes:{id}</c>). Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class NationalPortalModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<NationalPortalConnector, NationalPortalOptions>(NationalPortalConnector.ConnectorId)
            .AddSandbox<NationalPortalSandbox, NationalPortalSandboxOptions>(NationalPortalConnector.ConnectorId);
}
