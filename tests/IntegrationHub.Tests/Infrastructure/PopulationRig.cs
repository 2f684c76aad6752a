using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Host;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The population database sandbox (SOAP, on a free port) and a test hub pointed at it.</summary>
public sealed class PopulationRig : IAsyncDisposable
{
    private PopulationRig(PopulationDbSandbox population, HubHost hub)
    {
        Population = population;
        Hub = hub;
    }

    public PopulationDbSandbox Population { get; }

    public HubHost Hub { get; }

    public static async Task<PopulationRig> StartAsync(PostgresCluster cluster)
    {
        var population = new PopulationDbSandbox(new PopulationDbSandboxOptions { ApiKey = TestHub.PopulationApiKey, MaTichHop = TestHub.PopulationMaTichHop });
        try
        {
            await population.StartAsync(CancellationToken.None);
            var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
            settings.Wire(population, population.BaseAddress!);
            settings["Connectors:population-db:RetryDelay"] = "00:00:00.020";
            settings["Connectors:population-db:Timeout"] = "00:00:02";
            return new PopulationRig(population, await TestHub.StartAsync(settings));
        }
        catch
        {
            await population.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Population.DisposeAsync();
    }
}
