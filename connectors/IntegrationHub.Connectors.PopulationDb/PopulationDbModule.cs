using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.PopulationDb.PopulationDbModule))]

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>What this package adds to the hub: the connector to the national population database (options from <c>Connectors:{id}</c>) and
/// its sandbox (<c>Sandboxes:{id}</c>). Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class PopulationDbModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<PopulationDbConnector, PopulationDbOptions>(PopulationDbConnector.ConnectorId)
            .AddSandbox<PopulationDbSandbox, PopulationDbSandboxOptions>(PopulationDbConnector.ConnectorId);
}
