using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Flows;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>Two hub processes on one database: a one-off window added through one holds the counterparty's deliveries
/// on the other too (the window is in PostgreSQL, read at most 2 s old), and ending it there releases them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceAcrossHubsTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_window_added_on_one_hub_holds_deliveries_on_the_other_and_ending_it_releases_them()
    {
        await using var hubs = await TwoHubs.StartAsync(cluster, Patience, s => s["Hub:Delivery:SweepInterval"] = "00:00:01");
        var (sandboxes, database, first, one, other) = (hubs.Sandboxes, hubs.Database, hubs.First, hubs.One, hubs.Other);
        using var partner = InboundRestTests.PartnerClient(first);
        var maHoSo = sandboxes.IGate.Dossiers.Add();

        var added = await other.PostAsJsonAsync("api/connectors/igate/maintenance", new { to = DateTimeOffset.UtcNow.AddHours(1), reason = "iGate upgrade" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await Eventually.ReturnsAsync(() => one.GetFromJsonAsync<JsonElement>("api/connectors/igate"),
            c => c.GetProperty("inMaintenance").ValueKind == JsonValueKind.Object, Patience, "the first hub to see the window");

        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation("across-maint", maHoSo)))).StatusCode);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(one, "evaluations"), f => FlowRuns.Count(f, "pending") == 1, Patience, "the push received");
        for (var i = 0; i < 2; i++)
        {
            await FlowPauseTests.DeliverAndWaitAsync(first, "evaluations", "igate:evaluations");
        }

        Assert.Equal((0L, 0L), await FlowPauseTests.DeliveryStateAsync(database, "evaluations"));
        Assert.Equal(0, sandboxes.IGate.EvaluationStats().ItemsReceived);

        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync($"api/connectors/igate/maintenance/{id}/end", new { reason = "upgrade done" })).StatusCode);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(one, "evaluations"), f => FlowRuns.Count(f, "delivered") == 1, Patience, "the held push delivered");
        Assert.Equal(1, sandboxes.IGate.EvaluationStats().ItemsReceived);
        Assert.Equal(1L, (await FlowPauseTests.DeliveryStateAsync(database, "evaluations")).Attempts);
    }
}
