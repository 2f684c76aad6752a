using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.DocumentExchange.ExchangeModule))]

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>What this package adds to the hub: the connector to the exchange platform (options from <c>Connectors:{id}</c>) and
/// its sandbox (<c>Sandboxes:{id}</c>). Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class ExchangeModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<ExchangeConnector, ExchangeOptions>(ExchangeConnector.ConnectorId)
            .AddSandbox<ExchangeSandbox, ExchangeSandboxOptions>(ExchangeConnector.ConnectorId);
}
