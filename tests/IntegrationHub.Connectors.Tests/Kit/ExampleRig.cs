using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>A started Example sandbox on a free 127.0.0.1 port, a plain HttpClient, and Example connectors pointed at it.</summary>
internal sealed class ExampleRig : IAsyncDisposable
{
    public const string ApiKey = "example-key";

    private ExampleRig(ExampleSandbox sandbox, Uri baseAddress)
    {
        Sandbox = sandbox;
        BaseAddress = baseAddress;
    }

    public ExampleSandbox Sandbox { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<ExampleRig> StartAsync(Action<ExampleSandboxOptions>? configure = null)
    {
        var options = new ExampleSandboxOptions { ApiKey = ApiKey };
        configure?.Invoke(options);
        var sandbox = new ExampleSandbox(options);
        return new ExampleRig(sandbox, await sandbox.StartAsync(CancellationToken.None));
    }

    public ExampleConnector Connector(string apiKey = ApiKey, string? baseUrl = null, int pageSize = 10) =>
        new(new ExampleOptions { BaseUrl = baseUrl ?? BaseAddress.ToString(), ApiKey = apiKey, PageSize = pageSize }, Http, NullLogger<ExampleConnector>.Instance);

    public static OutboundMessage Entry(long id, string value = "ok", string? key = null) => new(id, key ?? $"example:{id}", $"k{id}", $"k{id}", value, 1);

    public static async Task<List<SourceItem>> ReadAllAsync(ExampleConnector connector, SourceCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var items = new List<SourceItem>();
        await foreach (var item in connector.ReadAsync(ExampleConnector.RecordsStream, checkpoint, cancellationToken))
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
