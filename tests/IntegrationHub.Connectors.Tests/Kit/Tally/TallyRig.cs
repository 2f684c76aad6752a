using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.Tests.Kit.Tally;

/// <summary>A started Tally sandbox on a free 127.0.0.1 port, a plain HttpClient, and Tally connectors pointed at it.</summary>
internal sealed class TallyRig : IAsyncDisposable
{
    public const string ApiKey = "tally-key";

    private TallyRig(TallySandbox sandbox, Uri baseAddress)
    {
        Sandbox = sandbox;
        BaseAddress = baseAddress;
    }

    public TallySandbox Sandbox { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<TallyRig> StartAsync(Action<TallySandboxOptions>? configure = null)
    {
        var options = new TallySandboxOptions { ApiKey = ApiKey };
        configure?.Invoke(options);
        var sandbox = new TallySandbox(options);
        return new TallyRig(sandbox, await sandbox.StartAsync(CancellationToken.None));
    }

    public TallyConnector Connector(string apiKey = ApiKey, string? baseUrl = null, int pageSize = 10) =>
        new(new TallyOptions { BaseUrl = baseUrl ?? BaseAddress.ToString(), ApiKey = apiKey, PageSize = pageSize }, Http, NullLogger<TallyConnector>.Instance);

    public static OutboundMessage Entry(long id, string value = "ok", string? key = null) => new(id, key ?? $"tally:{id}", $"k{id}", $"k{id}", value, 1);

    public static async Task<List<SourceItem>> ReadAllAsync(TallyConnector connector, SourceCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var items = new List<SourceItem>();
        await foreach (var item in connector.ReadAsync(TallyConnector.ChangesStream, checkpoint, cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}
