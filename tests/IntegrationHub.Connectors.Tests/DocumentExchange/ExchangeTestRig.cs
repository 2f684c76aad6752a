using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>A started exchange platform sandbox on a free port and connectors pointed at it, with a file attachment store.</summary>
internal sealed class ExchangeTestRig : IAsyncDisposable
{
    public const string ApiKey = "exchange-test-key";
    public const string OrganId = "000.00.00.H56";

    private ExchangeTestRig(ExchangeSandbox sandbox, Uri baseAddress, HttpClient http)
    {
        Sandbox = sandbox;
        BaseAddress = baseAddress;
        Http = http;
    }

    public ExchangeSandbox Sandbox { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public FileAttachmentStore Store { get; } = new();

    public static async Task<ExchangeTestRig> StartAsync(TimeSpan? httpTimeout = null)
    {
        var sandbox = new ExchangeSandbox(new ExchangeSandboxOptions { ApiKey = ApiKey, HubOrganId = OrganId });
        var address = await sandbox.StartAsync(CancellationToken.None);
        return new ExchangeTestRig(sandbox, address, new HttpClient { BaseAddress = address, Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) });
    }

    public ExchangeConnector Connector(string apiKey = ApiKey, string organId = OrganId) => new(
        new ExchangeOptions { BaseUrl = BaseAddress.ToString(), ApiKey = apiKey, OrganId = organId },
        Http,
        Store,
        TimeProvider.System,
        NullLogger<ExchangeConnector>.Instance);

    public static async Task<List<SourceItem>> ReadAllAsync(ISourceConnector connector, string stream, SourceCheckpoint? checkpoint = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in connector.ReadAsync(stream, checkpoint, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    public static OutboundMessage Message(long id, string payload, string? key = null) => new(id, key ?? $"test:{id}", "k", "k", payload, 1);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
        Store.Dispose();
    }
}
