using System.Net;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Flows;

/// <summary>Two hub processes on one database (the scale-out the design names): a pause made through one holds the
/// flow in both, and a resume through the other releases it. The state is in PostgreSQL, not in a process's memory.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowPauseAcrossHubsTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_pause_made_on_one_hub_holds_the_flow_on_the_other_and_a_resume_there_releases_it()
    {
        await using var hubs = await TwoHubs.StartAsync(cluster, Patience);
        var (sandboxes, database, first, one, other) = (hubs.Sandboxes, hubs.Database, hubs.First, hubs.One, hubs.Other);
        using var partner = InboundRestTests.PartnerClient(first);
        var maHoSo = sandboxes.IGate.Dossiers.Add();

        // Paused through the second hub: the first refuses to run it and shows who paused it.
        Assert.Equal(HttpStatusCode.OK, (await FlowPauseTests.PostAsync(other, "api/flows/procedures/pause", FlowPauseTests.Reason("cutover to the new portal"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FlowPauseTests.PostAsync(other, "api/flows/evaluations/pause", FlowPauseTests.Reason("iGate upgrade"))).StatusCode);
        var procedures = await FlowRuns.FlowAsync(one, "procedures");
        Assert.Equal("paused", procedures.GetProperty("state").GetString());
        Assert.Equal("cutover to the new portal", procedures.GetProperty("pause").GetProperty("reason").GetString());
        await InboundRestTests.AssertProblemAsync(await one.PostAsync("api/flows/procedures/run", null), HttpStatusCode.Conflict, "flow_paused");

        // Pushes through the first hub are received; delivery jobs (run by either hub's workers) claim nothing.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation($"across-{i}", maHoSo, score: i + 4)))).StatusCode);
        }

        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(other, "evaluations"), f => FlowRuns.Count(f, "received") == 2 && FlowRuns.Count(f, "pending") == 2, Patience, "the pushes received");
        for (var i = 0; i < 3; i++)
        {
            await FlowPauseTests.DeliverAndWaitAsync(first, "evaluations", "igate:evaluations");
        }

        Assert.Equal((0L, 0L), await FlowPauseTests.DeliveryStateAsync(database, "evaluations"));
        Assert.Equal(0, sandboxes.IGate.EvaluationStats().ItemsReceived);

        // Resumed through the first hub: held work goes out, and the second hub sees the flows enabled again.
        Assert.Equal(HttpStatusCode.OK, (await FlowPauseTests.PostAsync(one, "api/flows/evaluations/resume", FlowPauseTests.Reason("upgrade done"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FlowPauseTests.PostAsync(one, "api/flows/procedures/resume", FlowPauseTests.Reason("cutover done"))).StatusCode);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(other, "evaluations"), f => FlowRuns.Count(f, "delivered") == 2, Patience, "the held pushes delivered");
        Assert.Equal(2, sandboxes.IGate.EvaluationStats().ItemsReceived);
        Assert.Equal("enabled", (await FlowRuns.FlowAsync(other, "procedures")).GetProperty("state").GetString());
        await FlowRuns.RunAsync(other, "procedures");
    }
}
