using IntegrationHub.Connectors.PaymentPlatform;

namespace IntegrationHub.Host.Payments;

/// <summary>The registered payment platform connector (one per hub).</summary>
public sealed class PaymentPlatformAccess(ConnectorCatalog connectors)
{
    public PaymentPlatformConnector Connector => (PaymentPlatformConnector)connectors.Get(PaymentPlatformConnector.ConnectorId);
}
