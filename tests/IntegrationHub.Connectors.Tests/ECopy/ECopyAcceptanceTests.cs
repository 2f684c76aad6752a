using IntegrationHub.Connectors.ECopy;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Tests.ECopy;

/// <summary>The e-copy connector against its sandbox: the whole acceptance suite (no destination stream, so the
/// destination checks pass by its declaring none); the copies go to the test kit's file store.</summary>
public sealed class ECopyAcceptanceTests : ConnectorAcceptanceTests
{
    protected override ConnectorAcceptanceProfile Profile => new(
        new ECopyModule(),
        ECopyConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["PageSize"] = "0", ["DownloadTimeout"] = "00:00:00" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["ApiKey"] = "e-copy-acceptance-key", ["FileSize"] = "3000" },
        ConnectorSettings = new Dictionary<string, string?> { ["PageSize"] = "4" },
        Services = services => services.AddSingleton<IAttachmentStore>(_ => new FileAttachmentStore()),
        Source = new SourceCase(ECopyConnector.CertificationsStream, (sandbox, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                ((ECopySandbox)sandbox).Certify();
            }

            return Task.CompletedTask;
        }),
    };
}
