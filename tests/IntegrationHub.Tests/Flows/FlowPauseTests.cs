using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Host;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace IntegrationHub.Tests.Flows;

/// <summary>Pause and resume of a flow (<c>POST /api/flows/{id}/pause|resume</c>): a reason is required and recorded, a
/// paused flow starts no run and spends no delivery attempt, and resume delivers what was held and reads on from the checkpoint.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowPauseTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pause_and_resume_need_a_reason_and_a_known_flow_and_are_recorded_with_the_operator()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var client = TestHub.AdminClient(hub);

        await InboundRestTests.AssertProblemAsync(await client.PostAsync("api/flows/procedures/pause", null), HttpStatusCode.BadRequest, "reason_required");
        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/procedures/pause", "{}"), HttpStatusCode.BadRequest, "reason_required");
        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/procedures/pause", "{\"reason\": \"  \"}"), HttpStatusCode.BadRequest, "reason_required");
        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/procedures/pause", "{\"reason\": "), HttpStatusCode.BadRequest, "malformed_json");
        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/procedures/pause", "{\"reason\": \"x\", \"flow\": \"dossiers\"}"), HttpStatusCode.BadRequest, "malformed_json");
        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/procedures/pause", Reason(new string('x', 1001))), HttpStatusCode.BadRequest, "reason_too_long");
        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/no-such-flow/pause", Reason("maintenance")), HttpStatusCode.NotFound, "unknown_flow");
        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/procedures/resume", Reason("nothing to resume")), HttpStatusCode.Conflict, "flow_not_paused");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.operator_actions"));
        Assert.Equal("enabled", (await FlowRuns.FlowAsync(client, "procedures")).GetProperty("state").GetString());

        var paused = await PostAsync(client, "api/flows/procedures/pause", Reason("DVCQG bảo trì đến 17:00 (ticket 42)"));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var body = await paused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("paused", body.GetProperty("state").GetString());
        Assert.Equal(TestHub.AdminUser, body.GetProperty("pause").GetProperty("by").GetString());

        var flow = await FlowRuns.FlowAsync(client, "procedures");
        Assert.Equal("paused", flow.GetProperty("state").GetString());
        var pause = flow.GetProperty("pause");
        Assert.Equal("DVCQG bảo trì đến 17:00 (ticket 42)", pause.GetProperty("reason").GetString());
        Assert.Equal(TestHub.AdminUser, pause.GetProperty("by").GetString());
        Assert.InRange(pause.GetProperty("since").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("enabled", (await FlowRuns.FlowAsync(client, "dossiers")).GetProperty("state").GetString());

        await InboundRestTests.AssertProblemAsync(await PostAsync(client, "api/flows/procedures/pause", Reason("again")), HttpStatusCode.Conflict, "flow_already_paused");
        await InboundRestTests.AssertProblemAsync(await client.PostAsync("api/flows/procedures/run", null), HttpStatusCode.Conflict, "flow_paused");
        Assert.Equal(0, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.flow_runs"));

        var resumed = await PostAsync(client, "api/flows/procedures/resume", Reason("DVCQG back"));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var resumedBody = await resumed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("DVCQG bảo trì đến 17:00 (ticket 42)", resumedBody.GetProperty("lifted").GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, resumedBody.GetProperty("runJobId").ValueKind);
        flow = await FlowRuns.FlowAsync(client, "procedures");
        Assert.Equal("enabled", flow.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, flow.GetProperty("pause").ValueKind);

        // Each of the two is an operator action: who, what, why.
        Assert.Equal(
            [$"flow-pause|{TestHub.AdminUser}|DVCQG bảo trì đến 17:00 (ticket 42)|procedures", $"flow-resume|{TestHub.AdminUser}|DVCQG back|procedures"],
            await ActionsAsync(database));
    }

    [Fact]
    public async Task The_run_history_is_typed_newest_first_with_a_limit_and_refuses_an_unknown_flow_or_bad_limit()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 20);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("api/flows/procedures/runs") ?? []);

        await FlowRuns.RunAsync(client, "procedures");
        await FlowRuns.RunAsync(client, "procedures");

        var runs = await client.GetFromJsonAsync<JsonElement[]>("api/flows/procedures/runs?limit=5");
        Assert.NotNull(runs);
        Assert.Equal(2, runs.Length);
        Assert.True(runs[0].GetProperty("id").GetInt64() > runs[1].GetProperty("id").GetInt64());
        Assert.Equal(20, runs[1].GetProperty("recordsRead").GetInt64());
        Assert.Equal(20, runs[1].GetProperty("messagesCreated").GetInt64());
        Assert.Equal(0, runs[0].GetProperty("messagesCreated").GetInt64());
        Assert.All(runs, r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        Assert.All(runs, r => Assert.Equal($"admin:{TestHub.AdminUser}", r.GetProperty("trigger").GetString()));
        Assert.All(runs, r => Assert.True(r.GetProperty("durationSeconds").GetDouble() >= 0));
        Assert.Single((await client.GetFromJsonAsync<JsonElement[]>("api/flows/procedures/runs?limit=1"))!);

        await InboundRestTests.AssertProblemAsync(await client.GetAsync("api/flows/procedures/runs?limit=0"), HttpStatusCode.BadRequest, "invalid_limit");
        await InboundRestTests.AssertProblemAsync(await client.GetAsync("api/flows/procedures/runs?limit=501"), HttpStatusCode.BadRequest, "invalid_limit");
        await InboundRestTests.AssertProblemAsync(await client.GetAsync("api/flows/no-such-flow/runs"), HttpStatusCode.NotFound, "unknown_flow");
    }

    [Fact]
    public async Task A_paused_flow_holds_its_deliveries_without_spending_an_attempt_and_resume_delivers_them()
    {
        var igateFaults = new SandboxFaultOptions { FailureRate = 1, ServerErrorWeight = 1, TooManyRequestsWeight = 0, TimeoutWeight = 0 };
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 100, igateFaults: igateFaults);
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        // Without the pause these deliveries would be dead letters within seconds: attempts are few and come fast.
        settings["Hub:Delivery:MaxAttempts"] = "6";
        settings["Connectors:igate:Resilience:BreakerMinimumThroughput"] = "100000";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        await FlowRuns.RunAsync(client, "procedures");
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"), f => FlowRuns.Count(f, "failed") == 100, Patience, "every delivery to have failed once");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "api/flows/procedures/pause", Reason("iGate is down"))).StatusCode);

        // A batch claimed before the pause finishes; after it nothing is claimed.
        var dataSource = hub.Services.GetRequiredService<NpgsqlDataSource>();
        await Eventually.ReturnsAsync(() => FlowLock.IsHeldAsync(dataSource, DeliveryRunner.DeliverLockName("procedures", "igate:procedures"), CancellationToken.None),
            held => !held, Patience, "the delivery under way to finish");
        var held = await DeliveryStateAsync(database);
        var callsAtPause = sandboxes.IGate.FaultCounts().Values.Sum();
        Assert.Equal(0, held.Dead);

        // Every held delivery falls due, and a delivery job runs: it claims nothing.
        await Eventually.ReturnsAsync(() => PaymentTestKit.ScalarAsync(database, "select count(*) from hub.deliveries where flow_id = 'procedures' and next_attempt_at > now()"),
            n => n == 0, Patience, "every held delivery to be due");
        await DeliverAndWaitAsync(hub);
        await InboundRestTests.AssertProblemAsync(await client.PostAsync("api/flows/procedures/run", null), HttpStatusCode.Conflict, "flow_paused");
        Assert.Equal(held, await DeliveryStateAsync(database));
        Assert.Equal(callsAtPause, sandboxes.IGate.FaultCounts().Values.Sum());
        var flow = await FlowRuns.FlowAsync(client, "procedures");
        Assert.Equal(100, FlowRuns.Count(flow, "failed"));
        Assert.Equal(0, FlowRuns.Count(flow, "deadLettered"));

        // iGate is back; resume sends what was held. No run was stopped or refused, so none is started.
        igateFaults.FailureRate = 0;
        var resumed = await (await PostAsync(client, "api/flows/procedures/resume", Reason("iGate is back"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("runJobId").ValueKind);
        flow = await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"), f => FlowRuns.Count(f, "delivered") == 100, Patience, "the held deliveries delivered");
        Assert.Equal(0, FlowRuns.Count(flow, "deadLettered"));
        Assert.Equal(100, sandboxes.IGate.Stats().DistinctProcedures);
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.flow_runs"));
    }

    [Fact]
    public async Task A_paused_flow_stops_its_run_refuses_its_schedule_and_resume_reads_on_from_the_checkpoint()
    {
        await using var reading = await ReadingRun.StartAsync(cluster, Patience);
        var (sandboxes, database, hub, client) = (reading.Sandboxes, reading.Database, reading.Hub, reading.Client);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "api/flows/procedures/pause", Reason("portal maintenance"))).StatusCode);

        // The run stops after its next commit; what it read is kept and its checkpoint says where to go on.
        var stopped = (await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"),
            f => f.GetProperty("lastRun").GetProperty("status").GetString() == "paused", Patience, "the run to stop")).GetProperty("lastRun");
        var readBeforePause = stopped.GetProperty("recordsRead").GetInt64();
        Assert.InRange(readBeforePause, 100, 550);
        Assert.Equal(readBeforePause, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'procedures'"));
        var pagesBeforeResume = sandboxes.National.Stats.PagesRequested.Count;

        // A schedule firing while paused is refused and counted.
        var scheduler = await hub.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("flow:procedures", FlowScheduler.Group));
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"),
            f => f.GetProperty("pause").GetProperty("skippedRuns").GetInt32() == 1, Patience, "the scheduled run refused");
        Assert.Equal(1, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.flow_runs"));
        Assert.Equal(pagesBeforeResume, sandboxes.National.Stats.PagesRequested.Count);

        // Resume runs the flow from its checkpoint (the page after the last one committed whole), not from the start.
        var checkpointPage = (int)(readBeforePause / 50) + 1;
        var resumed = await (await PostAsync(client, "api/flows/procedures/resume", Reason("maintenance over"))).Content.ReadFromJsonAsync<JsonElement>();
        var jobId = resumed.GetProperty("runJobId").GetString();
        Assert.NotNull(jobId);
        var flow = await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"),
            f => f.GetProperty("lastRun").GetProperty("jobId").GetString() == jobId && f.GetProperty("lastRun").GetProperty("status").GetString() == "succeeded", Patience, "the resumed run");
        Assert.Equal("resume", flow.GetProperty("lastRun").GetProperty("trigger").GetString());
        Assert.Equal(checkpointPage, sandboxes.National.Stats.PagesRequested[pagesBeforeResume]);
        Assert.Equal(600 - ((checkpointPage - 1) * 50), flow.GetProperty("lastRun").GetProperty("recordsRead").GetInt64());
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"), f => FlowRuns.Count(f, "delivered") == 600, Patience, "all 600 delivered");
        Assert.Equal(600, FlowRuns.Count(await FlowRuns.FlowAsync(client, "procedures"), "received"));
    }

    [Fact]
    public async Task A_paused_inbound_flow_keeps_receiving_pushes_and_delivers_them_on_resume()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 1);
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        using var partner = InboundRestTests.PartnerClient(hub);
        var maHoSo = sandboxes.IGate.Dossiers.Add();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "api/flows/evaluations/pause", Reason("iGate evaluation module upgrade"))).StatusCode);
        await InboundRestTests.AssertProblemAsync(await client.PostAsync("api/flows/evaluations/run", null), HttpStatusCode.Conflict, "flow_is_inbound");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation($"paused-{i}", maHoSo, score: i + 3)))).StatusCode);
        }

        // Received and routed into the flow, then held: a delivery job finds nothing to claim.
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "evaluations"), f => FlowRuns.Count(f, "received") == 3 && FlowRuns.Count(f, "pending") == 3, Patience, "three pushes received");
        await DeliverAndWaitAsync(hub, "evaluations", "igate:evaluations");
        Assert.Equal((0L, 0L), await DeliveryStateAsync(database, "evaluations"));
        Assert.Equal(0, sandboxes.IGate.EvaluationStats().ItemsReceived);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "api/flows/evaluations/resume", Reason("upgrade done"))).StatusCode);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "evaluations"), f => FlowRuns.Count(f, "delivered") == 3, Patience, "the held pushes delivered");
        Assert.Equal(3, sandboxes.IGate.EvaluationStats().ItemsReceived);
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    internal static string Reason(string reason) => JsonSerializer.Serialize(new { reason });

    /// <summary>Enqueues a delivery job of the flow as the dispatcher would and waits until Hangfire says it succeeded.</summary>
    internal static async Task DeliverAndWaitAsync(HubHost hub, string flowId = "procedures", string destination = "igate:procedures")
    {
        var jobId = hub.Services.GetRequiredService<DeliveryDispatcher>().Enqueue(flowId, destination);
        var monitoring = hub.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.ReturnsAsync(() => Task.FromResult(monitoring.JobDetails(jobId)?.History.Select(h => h.StateName).ToList() ?? []),
            states => states.Contains(SucceededState.StateName), Patience, $"delivery job {jobId} to succeed");
    }

    /// <summary>The flow's delivery attempts spent in all, and its dead letters.</summary>
    internal static async Task<(long Attempts, long Dead)> DeliveryStateAsync(string database, string flowId = "procedures") =>
        (await PaymentTestKit.ScalarAsync(database, "select coalesce(sum(attempts), 0) from hub.deliveries where flow_id = @flow", ("flow", flowId)),
         await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.deliveries where flow_id = @flow and status = 'dead'", ("flow", flowId)));

    private static async Task<List<string>> ActionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select action, operator, reason, selection->>'flow' from hub.operator_actions order by id", connection);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}|{reader.GetString(3)}");
        }

        return actions;
    }
}
