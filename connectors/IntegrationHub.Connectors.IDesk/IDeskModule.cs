using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.IDesk.IDeskModule))]

namespace IntegrationHub.Connectors.IDesk;

/// <summary>What this package adds to the hub: the connector to iDesk (options from <c>Connectors:{id}</c>) and
/// its sandbox (<c>Sandboxes:{id}</c>). Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class IDeskModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<IDeskConnector, IDeskOptions>(IDeskConnector.ConnectorId)
            .AddSandbox<IDeskSandbox, IDeskSandboxOptions>(IDeskConnector.ConnectorId);
}
