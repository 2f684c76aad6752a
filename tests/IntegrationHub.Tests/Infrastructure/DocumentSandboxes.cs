using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.IDesk;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>iDesk and the national exchange platform, in this process on free ports, driven by the tests (their
/// simulators off), the province being agency 000.00.00.H56 on both.</summary>
public sealed class DocumentSandboxes : IAsyncDisposable
{
    public const string OrganId = "000.00.00.H56";

    private DocumentSandboxes(IDeskSandbox idesk, ExchangeSandbox exchange)
    {
        IDesk = idesk;
        Exchange = exchange;
    }

    public IDeskSandbox IDesk { get; }

    public ExchangeSandbox Exchange { get; }

    public static async Task<DocumentSandboxes> StartAsync()
    {
        var idesk = new IDeskSandbox(new IDeskSandboxOptions { ApiKey = TestHub.IDeskApiKey, OrganId = OrganId });
        var exchange = new ExchangeSandbox(new ExchangeSandboxOptions { ApiKey = TestHub.ExchangeApiKey, HubOrganId = OrganId });
        await idesk.StartAsync(CancellationToken.None);
        await exchange.StartAsync(CancellationToken.None);
        return new DocumentSandboxes(idesk, exchange);
    }

    public void ApplyTo(IDictionary<string, string?> settings)
    {
        settings.Wire(IDesk, IDesk.BaseAddress!);
        settings.Wire(Exchange, Exchange.BaseAddress!);
        settings["Connectors:exchange:OrganId"] = OrganId;
    }

    public async ValueTask DisposeAsync()
    {
        await IDesk.DisposeAsync();
        await Exchange.DisposeAsync();
    }
}
