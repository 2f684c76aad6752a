using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange;

public static class ExchangeHubBuilderExtensions
{
    /// <summary>Registers the exchange platform connector (options from <c>Connectors:exchange</c>) and its sandbox
    /// (<c>Sandboxes:exchange</c>). The connector needs the host's <see cref="IAttachmentStore"/>.</summary>
    public static IHubBuilder AddDocumentExchange(this IHubBuilder hub) =>
        hub.AddConnector<ExchangeConnector, ExchangeOptions>(ExchangeConnector.ConnectorId)
            .AddSandbox<ExchangeSandbox, ExchangeSandboxOptions>(ExchangeConnector.ConnectorId);
}
