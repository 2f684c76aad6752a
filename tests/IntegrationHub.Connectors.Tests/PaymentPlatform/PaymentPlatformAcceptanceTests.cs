using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Connectors.TestKit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

/// <summary>The payment platform against its sandbox, through the acceptance suite every connector passes. It reads
/// and writes no stream (payments are created and queried by its module's features; results come in as callbacks), so
/// the read and write checks pass by its declaring none.</summary>
public sealed class PaymentPlatformAcceptanceTests : ConnectorAcceptanceTests
{
    protected override ConnectorAcceptanceProfile Profile { get; } = new(
        new PaymentPlatformModule(),
        PaymentPlatformConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["MaDoiTac"] = "", ["SecretKey"] = "" },
        WrongCredentials: new Dictionary<string, string?> { ["SecretKey"] = "not-the-secret" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["MaDoiTac"] = "HUB-ACCEPTANCE", ["SecretKey"] = "payment-acceptance-secret" },
    };
}
