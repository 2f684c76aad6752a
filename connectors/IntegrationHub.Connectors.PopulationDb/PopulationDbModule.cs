using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;

[assembly: HubModule(typeof(IntegrationHub.Connectors.PopulationDb.PopulationDbModule))]

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>What this package adds to the hub: the connector to the national population database (options from <c>Connectors:{id}</c>) and
/// its sandbox (<c>Sandboxes:{id}</c>); citizen verification on top of it: the <c>citizen-verification</c> enricher, the
/// audit of every lookup with audited reveals (<c>/api/citizen-lookups</c>) and its dashboard page. Found by the host
/// through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class PopulationDbModule : IHubModule
{
    public void Register(IHubBuilder hub)
    {
        hub.AddConnector<PopulationDbConnector, PopulationDbOptions>(PopulationDbConnector.ConnectorId)
            .AddSandbox<PopulationDbSandbox, PopulationDbSandboxOptions>(PopulationDbConnector.ConnectorId);
        hub.Services.AddSingleton<CitizenLookupStore>();
        hub.Services.AddSingleton<AuditedCitizenLookup>();
        hub.AddEnricher<CitizenVerificationEnricher>()
            .AddEndpoints(app => app.MapCitizenLookupsApi())
            .AddDashboardPage<CitizenLookupsPage>()
            .AddDashboardAction<CitizenRevealAction>();
    }
}
