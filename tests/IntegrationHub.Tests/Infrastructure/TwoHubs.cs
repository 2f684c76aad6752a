using IntegrationHub.Host;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Two hub processes on one database (the scale-out the design names), with the portal and iGate sandboxes:
/// the first in the test process, the second a process of its own; an admin client for each.</summary>
public sealed class TwoHubs : IAsyncDisposable
{
    private TwoHubs(SandboxPair sandboxes, string database, HubHost first, HubProcess second)
    {
        Sandboxes = sandboxes;
        Database = database;
        First = first;
        Second = second;
        One = TestHub.AdminClient(first);
        Other = TestHub.AdminClient(second.BaseAddress);
    }

    public SandboxPair Sandboxes { get; }

    public string Database { get; }

    public HubHost First { get; }

    public HubProcess Second { get; }

    public HttpClient One { get; }

    public HttpClient Other { get; }

    public static async Task<TwoHubs> StartAsync(PostgresCluster cluster, TimeSpan patience, Action<IDictionary<string, string?>>? configure = null)
    {
        var sandboxes = await SandboxPair.StartAsync(procedures: 10);
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        configure?.Invoke(settings);
        var first = await TestHub.StartAsync(settings);
        var second = HubProcess.Start(ProcessSettings.AsEnvironment(settings, "Testing"), Directory.CreateTempSubdirectory("hub-cwd-").FullName);
        await second.WaitUntilReadyAsync(patience);
        return new TwoHubs(sandboxes, database, first, second);
    }

    public async ValueTask DisposeAsync()
    {
        One.Dispose();
        Other.Dispose();
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Sandboxes.DisposeAsync();
    }
}
