using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Sandbox;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>The document exchange platform against its sandbox, through the acceptance suite every connector passes:
/// documents waiting for the province as the source (planted at the sandbox), documents the province sends as the
/// destination (attachments in a file store; an addressee the platform does not connect is the poison).</summary>
public sealed class ExchangeAcceptanceTests : ConnectorAcceptanceTests, IDisposable
{
    private const string Ministry = "000.00.00.G22";

    private readonly FileAttachmentStore _store = new();

    public ExchangeAcceptanceTests() => Profile = new(
        new ExchangeModule(),
        ExchangeConnector.ConnectorId,
        BadParameters: new Dictionary<string, string?> { ["BaseUrl"] = "not a url", ["PageSize"] = "0", ["OrganId"] = "not an organ!" },
        WrongCredentials: new Dictionary<string, string?> { ["ApiKey"] = "not-the-key" })
    {
        SandboxSettings = new Dictionary<string, string?> { ["ApiKey"] = "exchange-acceptance-key", ["HubOrganId"] = ExchangeTestRig.OrganId },
        // Small pages, so a read of the planted documents makes several checkpoints.
        ConnectorSettings = new Dictionary<string, string?> { ["OrganId"] = ExchangeTestRig.OrganId, ["PageSize"] = "4" },
        Services = services => services.AddSingleton<IAttachmentStore>(_store),
        Source = new SourceCase(ExchangeConnector.ReceivedStream, async (sandbox, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                await ((ExchangeSandbox)sandbox).PlantAsync(new PlantRequest(Subject: $"Công văn {i}"));
            }
        }),
        Destination = new DestinationCase(
            ExchangeConnector.DocumentsStream,
            n => Document(n + 1, Ministry),
            Document(9_999, "999.99.99.X99")),
    };

    protected override ConnectorAcceptanceProfile Profile { get; }

    public void Dispose() => _store.Dispose();

    private string Document(int number, string to) =>
        HubDocumentJson.Serialize(HubDocumentSamples.Outgoing(_store, $"{ExchangeTestRig.OrganId},2026/11/28,{number}", [to], 10));
}
