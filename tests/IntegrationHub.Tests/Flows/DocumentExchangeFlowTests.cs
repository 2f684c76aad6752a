using IntegrationHub.Connectors.DocumentExchange.Sandbox;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.IDesk.Sandbox;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Flows;

/// <summary>E-documents between iDesk and the national exchange platform through the hub: attachments byte-identical
/// and kept out of message payloads, a document the platform lists again delivered once, statuses both ways
/// (recall 13 answered 15).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DocumentExchangeFlowTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_document_created_in_idesk_arrives_at_the_platform_with_its_attachments_byte_identical_and_out_of_the_payload()
    {
        await using var sandboxes = await DocumentSandboxes.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var hub = await StartHubAsync(sandboxes, connectionString);
        using var client = TestHub.AdminClient(hub);
        var documentId = await sandboxes.IDesk.CreateOutgoingAsync(new CreateOutgoingRequest(Attachments:
            [new SandboxAttachmentSpec("quyet-dinh.pdf", 2_500_001), new SandboxAttachmentSpec("rong.txt", 0, "text/plain"), new SandboxAttachmentSpec("phu-luc.xlsx", 10, "application/vnd.ms-excel")]));

        await FlowRuns.RunAsync(client, "documents-out");

        var arrived = await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.Exchange.Document(documentId)), d => d is not null, Patience, "the document at the platform");
        var sent = sandboxes.IDesk.Document(documentId)!.Attachments;
        Assert.Equal(sent.Select(a => (a.Name, a.ContentType, a.Length, a.Sha256)), arrived!.Attachments.Select(a => (a.Name, a.ContentType, a.Length, a.Sha256)));
        // The platform holds it before the hub has recorded its answer: the delivery is counted once that commits.
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "documents-out"), f => FlowRuns.Count(f, "delivered") == 1, Patience, "the delivery recorded");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var payloads = new NpgsqlCommand("select max(length(payload::text)) from hub.messages", connection);
        Assert.InRange((int)(await payloads.ExecuteScalarAsync())!, 1, 8_000);
        await using var stored = new NpgsqlCommand("select count(*), sum(length) from hub.attachments where completed_at is not null", connection);
        await using var reader = await stored.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((3L, 2_500_011m), (reader.GetInt64(0), reader.GetDecimal(1)));
    }

    [Fact]
    public async Task A_document_the_platform_lists_again_until_acknowledged_is_delivered_to_idesk_exactly_once()
    {
        await using var sandboxes = await DocumentSandboxes.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var hub = await StartHubAsync(sandboxes, connectionString);
        using var client = TestHub.AdminClient(hub);
        var documentId = await sandboxes.Exchange.PlantAsync(new PlantRequest(Attachments: [new SandboxAttachmentSpec("cong-van.pdf", 1_300_000)]));

        await FlowRuns.RunAsync(client, "documents-in");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IDesk.Document(documentId)), d => d is not null, Patience, "the document at iDesk");
        await FlowRuns.RunAsync(client, "documents-in");
        // Even a lost checkpoint (the document fetched again) makes no second message: same DocumentId, same version.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var forget = new NpgsqlCommand("delete from hub.checkpoints where flow_id = 'documents-in'", connection);
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }

        var third = await FlowRuns.RunAsync(client, "documents-in");

        var delivery = Assert.Single(sandboxes.Exchange.Document(documentId)!.Deliveries);
        Assert.Equal((3, 2, false), (delivery.TimesListed, delivery.TimesFetched, delivery.Acknowledged));
        Assert.Equal(0, third.GetProperty("lastRun").GetProperty("messagesCreated").GetInt64());
        Assert.Equal((1L, 1L), (FlowRuns.Count(third, "received"), FlowRuns.Count(third, "delivered")));
        var atIDesk = sandboxes.IDesk.Document(documentId)!;
        Assert.Equal(1, atIDesk.TimesPosted);
        Assert.Equal(sandboxes.Exchange.Document(documentId)!.Attachments.Select(a => a.Sha256), atIDesk.Attachments.Select(a => a.Sha256));

        // iDesk's 01 goes back; the platform stops listing the document.
        await FlowRuns.RunAsync(client, "document-statuses-out");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.Exchange.Document(documentId)!.Deliveries.Single()), d => d.Acknowledged, Patience, "01 at the platform");
        await FlowRuns.RunAsync(client, "documents-in");
        Assert.Equal(3, sandboxes.Exchange.Document(documentId)!.Deliveries.Single().TimesListed);
        Assert.Equal(1, sandboxes.IDesk.Stats().IncomingPosts);
    }

    [Fact]
    public async Task Statuses_flow_both_ways_and_update_states_and_a_recall_13_is_answered_15()
    {
        await using var sandboxes = await DocumentSandboxes.StartAsync();
        await using var hub = await StartHubAsync(sandboxes, await cluster.CreateDatabaseAsync());
        using var client = TestHub.AdminClient(hub);

        // Sent by the province: the addressee's 01 and 03 reach iDesk; a recall (13) is answered 15.
        var sent = await sandboxes.IDesk.CreateOutgoingAsync(new CreateOutgoingRequest());
        await FlowRuns.RunAsync(client, "documents-out");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.Exchange.Document(sent)), d => d is not null, Patience, "the sent document at the platform");
        sandboxes.Exchange.Advance(sent);
        await FlowRuns.RunAsync(client, "document-statuses-in");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IDesk.Document(sent)!.State), s => s == "03", Patience, "03 at iDesk");
        Assert.True(sandboxes.IDesk.Recall(sent));
        await FlowRuns.RunAsync(client, "document-statuses-out");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.Exchange.Document(sent)!.Statuses.Select(s => s.StatusCode).ToList()),
            codes => codes.SequenceEqual(["01", "03", "13", "15"]), Patience, "the recall and its answer at the platform");
        await FlowRuns.RunAsync(client, "document-statuses-in");
        var recalled = await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IDesk.Document(sent)!), d => d.State == "recalled", Patience, "the recall accepted at iDesk");
        Assert.Equal(["01 000.00.00.G22", "03 000.00.00.G22", "15 000.00.00.G22"], recalled.StatusesReceived);

        // Received by the province: iDesk's officers' 01 and 03 reach the sender through the platform.
        var received = await sandboxes.Exchange.PlantAsync(new PlantRequest());
        await FlowRuns.RunAsync(client, "documents-in");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IDesk.Document(received)), d => d is not null, Patience, "the received document at iDesk");
        sandboxes.IDesk.Process(received);
        await FlowRuns.RunAsync(client, "document-statuses-out");
        var delivery = await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.Exchange.Document(received)!.Deliveries.Single()),
            d => d.LastStatus == "03", Patience, "03 at the platform");
        Assert.True(delivery.Acknowledged);
        Assert.Equal(["01", "03"], sandboxes.Exchange.Document(received)!.Statuses.Select(s => s.StatusCode));
    }

    private static Task<Host.HubHost> StartHubAsync(DocumentSandboxes sandboxes, string connectionString)
    {
        var settings = TestHub.BaseSettings(connectionString);
        sandboxes.ApplyTo(settings);
        settings["Hub:Delivery:SweepInterval"] = "00:00:01";
        return TestHub.StartAsync(settings);
    }
}
