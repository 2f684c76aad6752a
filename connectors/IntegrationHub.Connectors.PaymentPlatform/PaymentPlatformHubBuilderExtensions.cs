using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.PaymentPlatform;

public static class PaymentPlatformHubBuilderExtensions
{
    /// <summary>Registers the payment platform connector (options from <c>Connectors:payment-platform</c>) and its
    /// sandbox (<c>Sandboxes:payment-platform</c>).</summary>
    public static IHubBuilder AddPaymentPlatform(this IHubBuilder hub) =>
        hub.AddConnector<PaymentPlatformConnector, PaymentPlatformOptions>(PaymentPlatformConnector.ConnectorId)
            .AddSandbox<PaymentPlatformSandbox, PaymentPlatformSandboxOptions>(PaymentPlatformConnector.ConnectorId);
}
