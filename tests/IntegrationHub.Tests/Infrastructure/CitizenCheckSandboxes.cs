using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.PopulationDb;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The two counterparties of the citizen-checks flow, started on free ports: iGate (the dossiers, and where the
/// results are written back) and the population database (SOAP).</summary>
public sealed class CitizenCheckSandboxes : IAsyncDisposable
{
    private CitizenCheckSandboxes(IGateSandbox igate, PopulationDbSandbox population)
    {
        IGate = igate;
        Population = population;
    }

    public IGateSandbox IGate { get; }

    public PopulationDbSandbox Population { get; }

    public static async Task<CitizenCheckSandboxes> StartAsync(IGateSandboxOptions igateOptions)
    {
        var sandboxes = new CitizenCheckSandboxes(
            new IGateSandbox(igateOptions),
            new PopulationDbSandbox(new PopulationDbSandboxOptions { ApiKey = TestHub.PopulationApiKey, MaTichHop = TestHub.PopulationMaTichHop }));
        try
        {
            await sandboxes.IGate.StartAsync(CancellationToken.None);
            await sandboxes.Population.StartAsync(CancellationToken.None);
            return sandboxes;
        }
        catch
        {
            await sandboxes.DisposeAsync();
            throw;
        }
    }

    /// <summary>Points a test hub's iGate and population-db connectors at these sandboxes.</summary>
    public void ApplyTo(IDictionary<string, string?> settings)
    {
        settings.Wire(IGate, IGate.BaseAddress!);
        settings.Wire(Population, Population.BaseAddress!);
    }

    public async ValueTask DisposeAsync()
    {
        await IGate.DisposeAsync();
        await Population.DisposeAsync();
    }
}
