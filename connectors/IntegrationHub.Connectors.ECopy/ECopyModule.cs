using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.ECopy.ECopyModule))]

namespace IntegrationHub.Connectors.ECopy;

/// <summary>What this package adds to the hub: the connector to the e-copy certification service (options from
/// <c>Connectors:e-copy</c>) and its sandbox (<c>Sandboxes:e-copy</c>).</summary>
public sealed class ECopyModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<ECopyConnector, ECopyOptions>(ECopyConnector.ConnectorId)
            .AddSandbox<ECopySandbox, ECopySandboxOptions>(ECopyConnector.ConnectorId);
}
