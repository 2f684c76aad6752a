using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.IDesk;
using IntegrationHub.Connectors.IDesk.Sandbox;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Connectors.Tests.DocumentExchange;
using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Tests.IDesk;

/// <summary>iDesk against its sandbox, through the acceptance suite every connector passes: the documents its officers
/// send out as the source, documents received for the province as the destination (attachments in a file store; a
/// document without an addressee, which edXML refuses, is the poison).</summary>
public sealed class IDeskAcceptanceTests : ConnectorAcceptanceTests, IDisposable
{
    private const string Sender = "000.00.00.G22";

    private readonly FileAttachmentStore _store = new();

    public IDeskAcceptanceTests() => Profile = new(
        new IDeskModule(),
        IDeskConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["PageSize"] = "0", ["DownloadIdleTimeout"] = "00:00:00" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["ApiKey"] = "idesk-acceptance-key" },
        // Small pages, so a read of the seeded documents makes several checkpoints.
        ConnectorSettings = new Dictionary<string, string?> { ["PageSize"] = "4" },
        Services = services => services.AddSingleton<IAttachmentStore>(_store),
        Source = new SourceCase(IDeskConnector.OutgoingStream, async (sandbox, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                await ((IDeskSandbox)sandbox).CreateOutgoingAsync(new CreateOutgoingRequest(Subject: $"Công văn {i}"));
            }
        }),
        Destination = new DestinationCase(
            IDeskConnector.IncomingStream,
            n => Document(n + 1, [ExchangeTestRig.OrganId]),
            Document(9_999, [])),
    };

    protected override ConnectorAcceptanceProfile Profile { get; }

    public void Dispose() => _store.Dispose();

    private string Document(int number, IReadOnlyList<string> to) =>
        HubDocumentJson.Serialize(HubDocumentSamples.Outgoing(_store, $"{Sender},2026/11/28,{number}", to, 10));
}
