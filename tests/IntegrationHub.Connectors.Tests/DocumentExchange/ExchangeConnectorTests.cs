using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.Documents;
using IntegrationHub.Connectors.DocumentExchange.Sandbox;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>The exchange platform connector against its sandbox over real HTTP: received documents with attachments
/// into the store, redelivery until acknowledged, sending, statuses both ways, edXML rejections, auth and faults.</summary>
public sealed class ExchangeConnectorTests
{
    private const string Ministry = "000.00.00.G22";

    [Fact]
    public async Task A_received_document_is_read_with_its_attachments_streamed_into_the_store_byte_identical()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var documentId = await rig.Sandbox.PlantAsync(new PlantRequest(Attachments:
            [new SandboxAttachmentSpec("a.pdf", 2_000_003), new SandboxAttachmentSpec("empty.txt", 0, "text/plain"), new SandboxAttachmentSpec("b.docx", 7)]));

        var items = await ExchangeTestRig.ReadAllAsync(rig.Connector(), ExchangeConnector.ReceivedStream);

        var record = Assert.IsType<SourceRecord>(items[0]);
        Assert.IsType<SourceCheckpoint>(items[1]);
        Assert.Equal((documentId, documentId, "1"), (record.Key, record.BusinessKey, record.Version));
        var document = HubDocumentJson.Deserialize<HubDocument>(record.Payload, "T");
        var planted = rig.Sandbox.Document(documentId)!.Attachments;
        Assert.Equal(planted.Select(a => (a.Name, a.Length, a.Sha256)), document.Attachments.Select(a => (a.Stored.Name, a.Stored.Length, a.Stored.Sha256)));
        Assert.Equal(planted.Select(a => a.Sha256), document.Attachments.Select(a => rig.Store.Sha256Of(a.Stored.Id)));
        Assert.True(record.Payload.Length < 4000, "the payload holds references, not content");
        Assert.Equal((3, 0), (rig.Store.Completed, rig.Store.Pending));
    }

    [Fact]
    public async Task A_document_listed_again_before_it_is_acknowledged_is_not_fetched_again_and_keeps_its_key_and_version()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var documentId = await rig.Sandbox.PlantAsync(new PlantRequest());
        var connector = rig.Connector();

        var first = await ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.ReceivedStream);
        var second = await ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.ReceivedStream, first.OfType<SourceCheckpoint>().Last());
        var fromScratch = await ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.ReceivedStream);

        Assert.Empty(second.OfType<SourceRecord>());
        var delivery = Assert.Single(rig.Sandbox.Document(documentId)!.Deliveries);
        Assert.Equal((3, 2), (delivery.TimesListed, delivery.TimesFetched));
        var again = Assert.Single(fromScratch.OfType<SourceRecord>());
        var once = Assert.Single(first.OfType<SourceRecord>());
        Assert.Equal((once.Key, once.Version), (again.Key, again.Version));
    }

    [Fact]
    public async Task Status_01_from_the_province_acknowledges_a_document_and_the_platform_stops_listing_it()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var documentId = await rig.Sandbox.PlantAsync(new PlantRequest());
        var connector = rig.Connector();
        var read = await ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.ReceivedStream);
        var document = HubDocumentJson.Deserialize<HubDocument>(read.OfType<SourceRecord>().Single().Payload, "T");

        var arrived = HubDocumentSamples.Status(document, ExchangeTestRig.OrganId, EdXmlStatusCode.Arrived);
        var outcomes = await connector.WriteAsync(ExchangeConnector.StatusesStream, [ExchangeTestRig.Message(1, HubDocumentJson.Serialize(arrived))], CancellationToken.None);

        Assert.True(outcomes.Single().Delivered);
        var after = await ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.ReceivedStream, read.OfType<SourceCheckpoint>().Last());
        Assert.Empty(after.OfType<SourceRecord>());
        Assert.Equal("{\"seen\":[]}", after.OfType<SourceCheckpoint>().Single().State);
        var delivery = Assert.Single(rig.Sandbox.Document(documentId)!.Deliveries);
        Assert.True(delivery.Acknowledged);
    }

    [Theory]
    [InlineData("<edXMLEnvelope xmlns=\"urn:other\"/>", EdXmlErrorCodes.WrongNamespace)]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", EdXmlErrorCodes.DtdForbidden)]
    [InlineData("<edXMLEnvelope xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLHeader>", EdXmlErrorCodes.MalformedXml)]
    public async Task A_received_document_that_is_not_valid_edxml_is_answered_02_with_its_edxml_code(string body, string code)
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        const string documentId = "000.00.00.G22,2026/11/28,999";
        await rig.Sandbox.PlantRawAsync(documentId, new MemoryStream(Encoding.UTF8.GetBytes(body)));

        var items = await ExchangeTestRig.ReadAllAsync(rig.Connector(), ExchangeConnector.ReceivedStream);

        Assert.Empty(items.OfType<SourceRecord>());
        var view = rig.Sandbox.Document(documentId)!;
        var status = Assert.Single(view.Statuses);
        Assert.Equal(("02", ExchangeTestRig.OrganId, "000.01.15.H56"), (status.StatusCode, status.From, status.Recipient));
        Assert.StartsWith(code + ":", status.Description, StringComparison.Ordinal);
        Assert.True(view.Deliveries.Single().Acknowledged, "a rejected document is no longer listed");
        Assert.Equal((0, 0), (rig.Store.Completed, rig.Store.Pending));
    }

    [Fact]
    public async Task A_sent_document_arrives_byte_identical_once_and_its_addressee_answers_01_03_then_15_to_a_recall()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var connector = rig.Connector();
        var document = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,125", [Ministry], 300_001, 0, 5);
        var payload = HubDocumentJson.Serialize(document);

        var outcomes = await connector.WriteAsync(ExchangeConnector.DocumentsStream,
            [ExchangeTestRig.Message(1, payload), ExchangeTestRig.Message(2, payload, "another-key")], CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Delivered));
        var view = rig.Sandbox.Document(document.DocumentId)!;
        Assert.Equal(document.Attachments.Select(a => (a.Stored.Length, a.Stored.Sha256)), view.Attachments.Select(a => (a.Length, a.Sha256)));
        Assert.Equal((1, 1), (rig.Sandbox.Stats().Documents, rig.Sandbox.Stats().DuplicateSends));

        rig.Sandbox.Advance(document.DocumentId);
        var recall = HubDocumentSamples.Status(document, ExchangeTestRig.OrganId, EdXmlStatusCode.Recall);
        Assert.True((await connector.WriteAsync(ExchangeConnector.StatusesStream, [ExchangeTestRig.Message(3, HubDocumentJson.Serialize(recall))], CancellationToken.None)).Single().Delivered);

        var read = await ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.StatusesStream);
        var statuses = read.OfType<SourceRecord>().Select(r => HubDocumentJson.Deserialize<EdXmlStatus>(r.Payload, "T")).ToList();
        Assert.Equal([EdXmlStatusCode.Arrived, EdXmlStatusCode.Accepted, EdXmlStatusCode.RecallAccepted], statuses.Select(s => s.StatusCode));
        Assert.All(statuses, s => Assert.Equal((Ministry, document.DocumentId), (s.From.OrganId, s.ResponseFor.DocumentId)));
        var versions = read.OfType<SourceRecord>().Select(r => long.Parse(r.Version!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
        var checkpoint = read.OfType<SourceCheckpoint>().Last();
        Assert.Equal(versions[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), checkpoint.State);
        Assert.Empty((await ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.StatusesStream, checkpoint)).OfType<SourceRecord>());
    }

    [Fact]
    public async Task A_status_that_overtakes_its_document_is_a_transient_failure_of_that_message_only_and_is_accepted_once_the_document_arrives()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var connector = rig.Connector();
        var late = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,130", [Ministry], 10);
        var known = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,131", [Ministry], 10);
        await connector.WriteAsync(ExchangeConnector.DocumentsStream, [ExchangeTestRig.Message(1, HubDocumentJson.Serialize(known))], CancellationToken.None);
        var recall = ExchangeTestRig.Message(2, HubDocumentJson.Serialize(HubDocumentSamples.Status(late, ExchangeTestRig.OrganId, EdXmlStatusCode.Recall)), "statuses-out:recall:130");
        var other = ExchangeTestRig.Message(3, HubDocumentJson.Serialize(HubDocumentSamples.Status(known, ExchangeTestRig.OrganId, EdXmlStatusCode.Recall)));

        var early = await connector.WriteAsync(ExchangeConnector.StatusesStream, [recall, other], CancellationToken.None);

        Assert.Equal((FailureKind.Transient, EdXmlHttpFailures.DocumentNotYetKnownCode), (early[0].Failure!.Kind, early[0].Failure!.Code));
        Assert.Contains("unknown_document", early[0].Failure!.Message, StringComparison.Ordinal);
        Assert.True(early[1].Delivered, "a status about another document is not held back by it");
        await connector.WriteAsync(ExchangeConnector.DocumentsStream, [ExchangeTestRig.Message(4, HubDocumentJson.Serialize(late))], CancellationToken.None);
        var retried = await connector.WriteAsync(ExchangeConnector.StatusesStream, [recall], CancellationToken.None);
        Assert.True(retried.Single().Delivered);
        Assert.Contains("13", rig.Sandbox.Document(late.DocumentId)!.Statuses.Select(s => s.StatusCode));
    }

    [Fact]
    public async Task A_recall_after_the_addressee_is_done_is_refused_with_16()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var connector = rig.Connector();
        var document = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,126", [Ministry], 10);
        await connector.WriteAsync(ExchangeConnector.DocumentsStream, [ExchangeTestRig.Message(1, HubDocumentJson.Serialize(document))], CancellationToken.None);
        rig.Sandbox.Advance();
        rig.Sandbox.Advance();
        rig.Sandbox.Advance();

        var recall = HubDocumentSamples.Status(document, ExchangeTestRig.OrganId, EdXmlStatusCode.Recall);
        await connector.WriteAsync(ExchangeConnector.StatusesStream, [ExchangeTestRig.Message(2, HubDocumentJson.Serialize(recall))], CancellationToken.None);

        Assert.Equal(["01", "03", "05", "06", "13", "16"], rig.Sandbox.Document(document.DocumentId)!.Statuses.Select(s => s.StatusCode));
    }

    [Fact]
    public async Task A_document_without_addressee_is_refused_for_good_with_missing_to_and_the_rest_of_the_batch_goes_on()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var bad = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,1", [], 10);
        var unknownAddressee = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,2", ["999.99.99.X99"], 10);
        var good = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,3", [Ministry], 10);

        var outcomes = await rig.Connector().WriteAsync(ExchangeConnector.DocumentsStream,
            [.. new[] { bad, unknownAddressee, good }.Select((d, i) => ExchangeTestRig.Message(i + 1, HubDocumentJson.Serialize(d)))], CancellationToken.None);

        Assert.Equal((FailureKind.Permanent, EdXmlErrorCodes.MissingTo), (outcomes[0].Failure!.Kind, outcomes[0].Failure!.Code));
        Assert.Equal((FailureKind.Permanent, "unknown_organ"), (outcomes[1].Failure!.Kind, outcomes[1].Failure!.Code));
        Assert.True(outcomes[2].Delivered);
    }

    [Fact]
    public async Task A_document_whose_attachment_no_longer_reads_back_intact_is_refused_for_good_and_never_reaches_the_platform()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var document = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,140", [Ministry], 100_000, 10);
        rig.Store.Tamper(document.Attachments[1].Stored);

        var outcome = (await rig.Connector().WriteAsync(ExchangeConnector.DocumentsStream, [ExchangeTestRig.Message(1, HubDocumentJson.Serialize(document))], CancellationToken.None)).Single();

        Assert.Equal((FailureKind.Permanent, "ATTACHMENT-UNREADABLE"), (outcome.Failure!.Kind, outcome.Failure!.Code));
        Assert.Null(rig.Sandbox.Document(document.DocumentId));
        Assert.Equal(0, rig.Sandbox.Stats().Documents);
    }

    [Theory]
    [InlineData("not xml at all", EdXmlErrorCodes.MalformedXml)]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><edXMLEnvelope/>", EdXmlErrorCodes.DtdForbidden)]
    [InlineData("<edXMLEnvelope xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLHeader><MessageHeader><From><OrganId>1</OrganId></From></MessageHeader></edXMLHeader></edXMLEnvelope>", EdXmlErrorCodes.MissingTo)]
    public async Task The_platform_refuses_a_malformed_envelope_with_the_documented_code(string body, string code)
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/edxml/documents") { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        request.Headers.Add("X-Api-Key", ExchangeTestRig.ApiKey);

        using var response = await rig.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, rig.Sandbox.Stats().Documents);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_config_failure_for_reads_writes_and_the_check()
    {
        await using var rig = await ExchangeTestRig.StartAsync();
        var connector = rig.Connector(apiKey: "wrong");
        var document = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,7", [Ministry], 10);

        var read = await Assert.ThrowsAsync<ConnectorException>(() => ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.ReceivedStream));
        var write = await Assert.ThrowsAsync<ConnectorException>(() => connector.WriteAsync(
            ExchangeConnector.DocumentsStream, [ExchangeTestRig.Message(1, HubDocumentJson.Serialize(document))], CancellationToken.None));

        Assert.Equal((FailureKind.Config, "unauthorized"), (read.Failure.Kind, read.Failure.Code));
        Assert.Equal(FailureKind.Config, write.Failure.Kind);
        Assert.False((await connector.CheckAsync(CheckScope.Connectivity, CancellationToken.None)).Succeeded);
        Assert.True((await rig.Connector().CheckAsync(CheckScope.Connectivity, CancellationToken.None)).Succeeded);
        Assert.False((await rig.Connector(organId: "000.00.00.X00").CheckAsync(CheckScope.Connectivity, CancellationToken.None)).Succeeded);
    }

    [Theory]
    [InlineData(SandboxFaultKind.ServerError)]
    [InlineData(SandboxFaultKind.Timeout)]
    public async Task Server_errors_and_timeouts_are_transient(SandboxFaultKind kind)
    {
        await using var rig = await ExchangeTestRig.StartAsync(httpTimeout: TimeSpan.FromSeconds(1));
        rig.Sandbox.Faults.CopyFrom(new SandboxFaultOptions
        {
            FailureRate = 1, ServerErrorWeight = kind == SandboxFaultKind.ServerError ? 1 : 0, TooManyRequestsWeight = 0,
            TimeoutWeight = kind == SandboxFaultKind.Timeout ? 1 : 0, TimeoutDelay = TimeSpan.FromSeconds(5),
        });
        var connector = rig.Connector();
        var document = HubDocumentSamples.Outgoing(rig.Store, "000.00.00.H56,2026/11/28,8", [Ministry], 10);

        var read = await Assert.ThrowsAsync<ConnectorException>(() => ExchangeTestRig.ReadAllAsync(connector, ExchangeConnector.StatusesStream));
        var write = await Assert.ThrowsAsync<ConnectorException>(() => connector.WriteAsync(
            ExchangeConnector.DocumentsStream, [ExchangeTestRig.Message(1, HubDocumentJson.Serialize(document))], CancellationToken.None));

        Assert.Equal(FailureKind.Transient, read.Failure.Kind);
        Assert.Equal(FailureKind.Transient, write.Failure.Kind);
    }
}
