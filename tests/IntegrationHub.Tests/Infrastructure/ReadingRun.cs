using System.Net;
using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Host;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A hub reading the national portal's 600 procedures slowly (50 a page, 30 ms a call, two details at a time)
/// with a run of the procedures flow under way past its second page: time for a test to act on a run mid-read.</summary>
public sealed class ReadingRun : IAsyncDisposable
{
    private ReadingRun(SandboxPair sandboxes, string database, HubHost hub)
    {
        Sandboxes = sandboxes;
        Database = database;
        Hub = hub;
        Client = TestHub.AdminClient(hub);
    }

    public const int Procedures = 600;

    public const int PageSize = 50;

    public SandboxPair Sandboxes { get; }

    public string Database { get; }

    public HubHost Hub { get; }

    public HttpClient Client { get; }

    public static async Task<ReadingRun> StartAsync(PostgresCluster cluster, TimeSpan patience)
    {
        var sandboxes = await SandboxPair.StartAsync(procedures: Procedures, nationalFaults: new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(30) });
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Connectors:national-portal:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Connectors:national-portal:MaxParallelDetails"] = "2";
        var rig = new ReadingRun(sandboxes, database, await TestHub.StartAsync(settings));
        Assert.Equal(HttpStatusCode.Accepted, (await rig.Client.PostAsync("api/flows/procedures/run", null)).StatusCode);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(rig.Client, "procedures"),
            f => f.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("recordsRead").GetInt64() >= 2 * PageSize, patience, "two pages read");
        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Hub.DisposeAsync();
        await Sandboxes.DisposeAsync();
    }
}
