using IntegrationHub.Connectors.IGate;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>A started iGate sandbox on a free port, a plain HttpClient and connectors pointed at it.</summary>
internal sealed class IGateTestRig : IAsyncDisposable
{
    public const string ApiKey = "igate-test-key";

    private readonly List<IGateConnector> _connectors = [];

    private IGateTestRig(IGateSandboxOptions options, IGateSandbox sandbox, Uri baseAddress, HttpClient http)
    {
        Options = options;
        Sandbox = sandbox;
        BaseAddress = baseAddress;
        Http = http;
    }

    public IGateSandboxOptions Options { get; }

    public IGateSandbox Sandbox { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public static async Task<IGateTestRig> StartAsync(
        Action<IGateSandboxOptions>? configure = null,
        TimeSpan? httpTimeout = null,
        TimeProvider? timeProvider = null)
    {
        var options = new IGateSandboxOptions { ApiKey = ApiKey };
        configure?.Invoke(options);
        var sandbox = new IGateSandbox(options, timeProvider);
        var baseAddress = await sandbox.StartAsync(CancellationToken.None);
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) };
        return new IGateTestRig(options, sandbox, baseAddress, http);
    }

    public IGateConnector Connector(string apiKey = ApiKey, string? baseUrl = null, int batchSize = 100)
    {
        var connector = new IGateConnector(
            new IGateOptions { BaseUrl = baseUrl ?? BaseAddress.ToString(), ApiKey = apiKey, BatchSize = batchSize },
            Http,
            NullLogger<IGateConnector>.Instance);
        _connectors.Add(connector);
        return connector;
    }

    /// <summary>Everything one run of <paramref name="stream"/> yields, in order.</summary>
    public static async Task<List<SourceItem>> ReadAllAsync(
        IGateConnector connector,
        string stream,
        SourceCheckpoint? checkpoint = null,
        CancellationToken cancellationToken = default)
    {
        var items = new List<SourceItem>();
        await foreach (var item in connector.ReadAsync(stream, checkpoint, cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        _connectors.ForEach(c => c.Dispose());
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}
