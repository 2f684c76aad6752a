namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>Paths of the platform's API, relative to BaseUrl. One message endpoint for INIT, QUERY and GET_BILL (the
/// message type travels in LoaiBanTin); the statement endpoint is designed here.</summary>
internal static class PaymentUrls
{
    public const string Payment = "api/payment";
    public const string Statement = "api/statement";
}
