using IntegrationHub.Connectors.PopulationDb;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.PopulationDb;

/// <summary>A started population database sandbox (3,000 citizens, seed fixed) on a free port, and connectors pointed
/// at it with short timeouts and retry delays so fault tests stay fast.</summary>
internal sealed class PopulationTestRig : IAsyncDisposable
{
    public const string ApiKey = "popdb-test-key";
    public const string MaTichHop = "TICHHOP-56";

    private readonly List<PopulationDbConnector> _connectors = [];

    private PopulationTestRig(PopulationDbSandbox sandbox, Uri baseAddress)
    {
        Sandbox = sandbox;
        BaseAddress = baseAddress;
    }

    public PopulationDbSandbox Sandbox { get; }

    public Uri BaseAddress { get; }

    public CapturingLogger<PopulationDbConnector> Log { get; } = new();

    public static async Task<PopulationTestRig> StartAsync(Action<PopulationDbSandboxOptions>? configure = null)
    {
        var options = new PopulationDbSandboxOptions { ApiKey = ApiKey, MaTichHop = MaTichHop };
        options.Faults.TimeoutDelay = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        var sandbox = new PopulationDbSandbox(options);
        var baseAddress = await sandbox.StartAsync(CancellationToken.None);
        return new PopulationTestRig(sandbox, baseAddress);
    }

    public PopulationDbOptions Options(int retryCount = 2) => new()
    {
        BaseUrl = BaseAddress.ToString(),
        ApiKey = ApiKey,
        MaTichHop = MaTichHop,
        Timeout = TimeSpan.FromMilliseconds(1500),
        RetryCount = retryCount,
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };

    public PopulationDbConnector Connector(PopulationDbOptions? options = null, Func<HttpMessageHandler, HttpMessageHandler>? outerHandler = null)
    {
        var connector = new PopulationDbConnector(options ?? Options(), TimeProvider.System, Log, outerHandler);
        _connectors.Add(connector);
        return connector;
    }

    public static CitizenQuery QueryFor(CitizenRecord citizen, string? name = null, DateOnly? birth = null) =>
        new(citizen.SoDinhDanh, name ?? citizen.HoVaTen, birth ?? DateOnly.ParseExact(citizen.NgaySinh, "yyyyMMdd"), "DVC-1.000046", "CB-0001", "000.00.56.H56-261128-0001");

    public async ValueTask DisposeAsync()
    {
        _connectors.ForEach(c => c.Dispose());
        await Sandbox.DisposeAsync();
    }
}
