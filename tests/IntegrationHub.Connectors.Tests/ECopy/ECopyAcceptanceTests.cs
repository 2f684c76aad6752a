using IntegrationHub.Connectors.ECopy;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Connectors.Tests.DocumentExchange;
using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Tests.ECopy;

/// <summary>The e-copy connector against its sandbox: the whole acceptance suite (no destination stream, so the
/// destination checks pass by its declaring none). Files go to a temp-folder store that gives the same bytes the same
/// reference (<see cref="SameBytesSameReferenceStore"/>), so a re-read's payloads compare equal.</summary>
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
        Services = services => services.AddSingleton<IAttachmentStore>(_ => new SameBytesSameReferenceStore(new FileAttachmentStore())),
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
