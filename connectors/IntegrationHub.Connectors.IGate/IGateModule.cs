using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.IGate.IGateModule))]

namespace IntegrationHub.Connectors.IGate;

/// <summary>What this package adds to the hub: the connector to iGate (options from <c>Connectors:{id}</c>) and
/// its sandbox (<c>Sandboxes:{id}</c>). Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class IGateModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<IGateConnector, IGateOptions>(IGateConnector.ConnectorId)
            .AddSandbox<IGateSandbox, IGateSandboxOptions>(IGateConnector.ConnectorId);
}
