using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.IDesk;
using IntegrationHub.Connectors.IDesk.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Connectors.Tests.DocumentExchange;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IDesk;

/// <summary>The iDesk connector against its sandbox over real HTTP: outgoing documents from a checkpointed feed,
/// incoming documents stored once per DocumentId, statuses both ways with recall answers, auth and faults.</summary>
public sealed class IDeskConnectorTests : IAsyncLifetime
{
    private const string ApiKey = "idesk-test-key";
    private readonly FileAttachmentStore _store = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(1) };
    private IDeskSandbox _sandbox = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _sandbox = new IDeskSandbox(new IDeskSandboxOptions { ApiKey = ApiKey, OrganId = ExchangeTestRig.OrganId });
        _address = await _sandbox.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _http.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task Outgoing_documents_are_read_once_each_with_their_attachments_and_a_checkpoint_after_each()
    {
        var first = await _sandbox.CreateOutgoingAsync(new CreateOutgoingRequest(Attachments: [new SandboxAttachmentSpec("a.pdf", 1_500_001), new SandboxAttachmentSpec("b.pdf", 3)]));
        var second = await _sandbox.CreateOutgoingAsync(new CreateOutgoingRequest());
        var connector = Connector();

        var items = await ExchangeTestRig.ReadAllAsync(connector, IDeskConnector.OutgoingStream);

        Assert.Equal([first, "1", second, "2"], items.Select(i => i is SourceRecord r ? r.Key : ((SourceCheckpoint)i).State));
        var document = HubDocumentJson.Deserialize<HubDocument>(((SourceRecord)items[0]).Payload, "T");
        Assert.Equal(_sandbox.Document(first)!.Attachments.Select(a => a.Sha256), document.Attachments.Select(a => _store.Sha256Of(a.Stored.Id)));
        var third = await _sandbox.CreateOutgoingAsync(new CreateOutgoingRequest());
        var resumed = await ExchangeTestRig.ReadAllAsync(connector, IDeskConnector.OutgoingStream, new SourceCheckpoint("2"));
        Assert.Equal([third], resumed.OfType<SourceRecord>().Select(r => r.Key));
        Assert.Equal(0, _store.Pending);
    }

    [Fact]
    public async Task An_incoming_document_posted_twice_is_stored_once_and_announced_01_once()
    {
        var document = HubDocumentSamples.Outgoing(_store, "000.00.00.G22,2026/11/28,55", [ExchangeTestRig.OrganId], 400_000, 1) with { };
        document = document with { Header = document.Header with { From = new EdXmlOrganization { OrganId = "000.00.00.G22" } } };
        var payload = HubDocumentJson.Serialize(document);
        var connector = Connector();

        var outcomes = await connector.WriteAsync(IDeskConnector.IncomingStream,
            [ExchangeTestRig.Message(1, payload, "documents-in:x:1:idesk:incoming"), ExchangeTestRig.Message(2, payload, "documents-in:x:1:idesk:incoming")], CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Delivered));
        var view = _sandbox.Document(document.DocumentId)!;
        Assert.Equal(("incoming", 2, "01"), (view.Direction, view.TimesPosted, view.State));
        Assert.Equal(document.Attachments.Select(a => a.Stored.Sha256), view.Attachments.Select(a => a.Sha256));
        Assert.Equal(1, _sandbox.Stats().Incoming);
        var statuses = await ExchangeTestRig.ReadAllAsync(connector, IDeskConnector.StatusesStream);
        var arrived = HubDocumentJson.Deserialize<EdXmlStatus>(Assert.Single(statuses.OfType<SourceRecord>()).Payload, "T");
        Assert.Equal((EdXmlStatusCode.Arrived, ExchangeTestRig.OrganId, "000.00.00.G22"), (arrived.StatusCode, arrived.From.OrganId, arrived.ResponseFor.OrganId));
    }

    [Fact]
    public async Task Statuses_update_sent_documents_and_a_recall_of_a_received_one_is_answered_15_before_done_and_16_after()
    {
        var connector = Connector();
        var sent = await _sandbox.CreateOutgoingAsync(new CreateOutgoingRequest());
        var sentDocument = HubDocumentJson.Deserialize<HubDocument>((await ExchangeTestRig.ReadAllAsync(connector, IDeskConnector.OutgoingStream)).OfType<SourceRecord>().Single().Payload, "T");
        var received = HubDocumentSamples.Outgoing(_store, "000.00.00.G22,2026/11/28,56", [ExchangeTestRig.OrganId], 10);
        var done = HubDocumentSamples.Outgoing(_store, "000.00.00.G22,2026/11/28,57", [ExchangeTestRig.OrganId], 10);
        await connector.WriteAsync(IDeskConnector.IncomingStream, [ExchangeTestRig.Message(1, HubDocumentJson.Serialize(received)), ExchangeTestRig.Message(2, HubDocumentJson.Serialize(done))], CancellationToken.None);
        _sandbox.Process(done.DocumentId);
        _sandbox.Process(done.DocumentId);
        _sandbox.Process(done.DocumentId);

        var statuses = new[]
        {
            HubDocumentSamples.Status(sentDocument, "000.00.00.G22", EdXmlStatusCode.Accepted),
            HubDocumentSamples.Status(sentDocument, "000.00.00.G22", EdXmlStatusCode.RecallAccepted),
            HubDocumentSamples.Status(received, "000.00.00.G22", EdXmlStatusCode.Recall),
            HubDocumentSamples.Status(done, "000.00.00.G22", EdXmlStatusCode.Recall),
            HubDocumentSamples.Status(received, "000.00.00.G22", EdXmlStatusCode.Done) with { ResponseFor = new EdXmlResponseFor { OrganId = "x", PromulgationDate = new DateOnly(2026, 1, 1), DocumentId = "nope" } },
        };
        var outcomes = await connector.WriteAsync(IDeskConnector.StatusesStream, [.. statuses.Select((s, i) => ExchangeTestRig.Message(10 + i, HubDocumentJson.Serialize(s)))], CancellationToken.None);

        Assert.All(outcomes.Take(4), o => Assert.True(o.Delivered));
        Assert.Equal((FailureKind.Transient, EdXmlHttpFailures.DocumentNotYetKnownCode), (outcomes[4].Failure!.Kind, outcomes[4].Failure!.Code));
        Assert.Equal("recalled", _sandbox.Document(sent)!.State);
        Assert.Equal(["03 000.00.00.G22", "15 000.00.00.G22"], _sandbox.Document(sent)!.StatusesReceived);
        Assert.Equal("recalled", _sandbox.Document(received.DocumentId)!.State);
        Assert.Equal("06", _sandbox.Document(done.DocumentId)!.State);
        var feed = (await ExchangeTestRig.ReadAllAsync(connector, IDeskConnector.StatusesStream)).OfType<SourceRecord>()
            .Select(r => HubDocumentJson.Deserialize<EdXmlStatus>(r.Payload, "T")).Select(s => (s.ResponseFor.DocumentId, s.StatusCode)).ToList();
        Assert.Contains((received.DocumentId, EdXmlStatusCode.RecallAccepted), feed);
        Assert.Contains((done.DocumentId, EdXmlStatusCode.Refused), feed);
    }

    [Fact]
    public async Task A_recall_that_overtakes_its_document_is_a_transient_failure_and_is_applied_once_the_document_arrives()
    {
        var connector = Connector();
        var document = HubDocumentSamples.Outgoing(_store, "000.00.00.G22,2026/11/28,60", [ExchangeTestRig.OrganId], 10);
        var recall = ExchangeTestRig.Message(1, HubDocumentJson.Serialize(HubDocumentSamples.Status(document, "000.00.00.G22", EdXmlStatusCode.Recall)), "document-statuses-in:recall:60");

        var early = await connector.WriteAsync(IDeskConnector.StatusesStream, [recall], CancellationToken.None);

        Assert.Equal((FailureKind.Transient, EdXmlHttpFailures.DocumentNotYetKnownCode), (early.Single().Failure!.Kind, early.Single().Failure!.Code));
        await connector.WriteAsync(IDeskConnector.IncomingStream, [ExchangeTestRig.Message(2, HubDocumentJson.Serialize(document))], CancellationToken.None);
        Assert.True((await connector.WriteAsync(IDeskConnector.StatusesStream, [recall], CancellationToken.None)).Single().Delivered);
        Assert.Equal("recalled", _sandbox.Document(document.DocumentId)!.State);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_config_failure_and_server_errors_and_timeouts_are_transient()
    {
        var denied = await Assert.ThrowsAsync<ConnectorException>(() => ExchangeTestRig.ReadAllAsync(Connector("wrong"), IDeskConnector.OutgoingStream));
        Assert.Equal(FailureKind.Config, denied.Failure.Kind);
        Assert.True((await Connector().CheckAsync(CheckScope.Connectivity, CancellationToken.None)).Succeeded);

        foreach (var (serverError, timeout) in new[] { (1, 0), (0, 1) })
        {
            _sandbox.Faults.CopyFrom(new SandboxFaultOptions { FailureRate = 1, ServerErrorWeight = serverError, TooManyRequestsWeight = 0, TimeoutWeight = timeout, TimeoutDelay = TimeSpan.FromSeconds(5) });
            var failed = await Assert.ThrowsAsync<ConnectorException>(() => ExchangeTestRig.ReadAllAsync(Connector(), IDeskConnector.StatusesStream));
            Assert.Equal(FailureKind.Transient, failed.Failure.Kind);
        }
    }

    private IDeskConnector Connector(string apiKey = ApiKey) =>
        new(new IDeskOptions { BaseUrl = _address.ToString(), ApiKey = apiKey }, _http, _store, TimeProvider.System, NullLogger<IDeskConnector>.Instance);
}
