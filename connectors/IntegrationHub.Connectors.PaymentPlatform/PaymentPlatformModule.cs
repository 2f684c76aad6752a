using IntegrationHub.Contracts;

[assembly: HubModule(typeof(IntegrationHub.Connectors.PaymentPlatform.PaymentPlatformModule))]

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>What this package adds to the hub: the connector to the national payment platform (options from <c>Connectors:{id}</c>) and
/// its sandbox (<c>Sandboxes:{id}</c>). Found by the host through the assembly's <see cref="HubModuleAttribute"/>.</summary>
public sealed class PaymentPlatformModule : IHubModule
{
    public void Register(IHubBuilder hub) =>
        hub.AddConnector<PaymentPlatformConnector, PaymentPlatformOptions>(PaymentPlatformConnector.ConnectorId)
            .AddSandbox<PaymentPlatformSandbox, PaymentPlatformSandboxOptions>(PaymentPlatformConnector.ConnectorId);
}
