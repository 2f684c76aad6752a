using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.PopulationDb;

public static class PopulationDbHubBuilderExtensions
{
    /// <summary>Registers the population database connector (options from <c>Connectors:population-db</c>) and its
    /// sandbox (<c>Sandboxes:population-db</c>).</summary>
    public static IHubBuilder AddPopulationDb(this IHubBuilder hub) =>
        hub.AddConnector<PopulationDbConnector, PopulationDbOptions>(PopulationDbConnector.ConnectorId)
            .AddSandbox<PopulationDbSandbox, PopulationDbSandboxOptions>(PopulationDbConnector.ConnectorId);
}
