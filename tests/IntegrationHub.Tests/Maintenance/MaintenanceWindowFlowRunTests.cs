using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using IntegrationHub.Host.Execution;
using IntegrationHub.Tests.Payments;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>Issue 14, item 3: a flow whose source is in maintenance does not read. Its run is recorded with the reason,
/// one run is scheduled for the window's end, and ending the window early runs the flow from its checkpoint.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceWindowFlowRunTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_run_of_a_source_in_maintenance_reads_nothing_says_why_and_runs_when_the_window_ends()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 30);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        var to = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
        var added = await (await client.PostAsJsonAsync("api/connectors/national-portal/maintenance", new { to, reason = "DVCQG bảo trì định kỳ" })).Content.ReadFromJsonAsync<JsonElement>();
        var listCallsBefore = sandboxes.National.Stats.ListCalls;

        // Asked twice: both runs are refused, one run is scheduled for the end. The refused run's row is written while
        // it still holds the flow's run lock, so the second request may first hear 409 flow_running, which is right.
        for (var i = 0; i < 2; i++)
        {
            var status = await Eventually.ReturnsAsync(async () => (await client.PostAsync("api/flows/procedures/run", null)).StatusCode,
                s => s != HttpStatusCode.Conflict, Patience, $"request {i + 1} accepted once the run before it let go of the flow");
            Assert.Equal(HttpStatusCode.Accepted, status);
            await Eventually.ReturnsAsync(() => RunsAsync(client), runs => runs.Count == i + 1, Patience, $"refused run {i + 1}");
        }

        var refused = await RunsAsync(client);
        Assert.All(refused, r => Assert.Equal(FlowRunner.MaintenanceStatus, r.GetProperty("status").GetString()));
        Assert.Contains("national-portal is in maintenance until ", refused[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("DVCQG bảo trì định kỳ; the flow runs then", refused[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(listCallsBefore, sandboxes.National.Stats.ListCalls);
        Assert.Equal(0, FlowRuns.Count(await FlowRuns.FlowAsync(client, "procedures"), "received"));
        var scheduled = hub.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
            .Where(j => j.Value.Job.Type == typeof(FlowRunJob) && (string)j.Value.Job.Args[0] == "procedures").ToList();
        Assert.Single(scheduled);
        Assert.Equal(to.UtcDateTime, scheduled[0].Value.EnqueueAt, TimeSpan.FromSeconds(1));

        // Ended early: the flow runs now and reads the whole catalogue.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"api/connectors/national-portal/maintenance/{added.GetProperty("id").GetInt64()}/end", new { reason = "DVCQG đã hoạt động lại" })).StatusCode);
        var run = await Eventually.ReturnsAsync(() => RunsAsync(client), runs => runs.Count == 3 && runs[0].GetProperty("status").GetString() == "succeeded", Patience, "the run after the window");
        Assert.Equal("maintenance-end", run[0].GetProperty("trigger").GetString());
        Assert.Equal(30, run[0].GetProperty("recordsRead").GetInt64());
    }

    [Fact]
    public async Task A_window_beginning_during_a_run_stops_it_after_its_next_commit_and_the_next_run_reads_on_from_the_checkpoint()
    {
        await using var reading = await ReadingRun.StartAsync(cluster, Patience);
        var (database, client) = (reading.Database, reading.Client);
        var added = await (await client.PostAsJsonAsync("api/connectors/national-portal/maintenance", new { to = DateTimeOffset.UtcNow.AddHours(1), reason = "unannounced maintenance" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var stopped = (await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"),
            f => f.GetProperty("lastRun").GetProperty("status").GetString() == FlowRunner.MaintenanceStatus, Patience, "the run to stop")).GetProperty("lastRun");
        var readBefore = stopped.GetProperty("recordsRead").GetInt64();
        Assert.InRange(readBefore, 100, 550);
        Assert.Contains("unannounced maintenance", stopped.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(readBefore, await PaymentTestKit.ScalarAsync(database, "select count(*) from hub.messages where flow_id = 'procedures'"));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"api/connectors/national-portal/maintenance/{added.GetProperty("id").GetInt64()}/end", new { reason = "back" })).StatusCode);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "procedures"), f => FlowRuns.Count(f, "delivered") == 600, Patience, "all 600 delivered");
        var flow = await FlowRuns.FlowAsync(client, "procedures");
        Assert.Equal(600, FlowRuns.Count(flow, "received"));
        Assert.Equal("maintenance-end", flow.GetProperty("lastRun").GetProperty("trigger").GetString());
        Assert.True(flow.GetProperty("lastRun").GetProperty("recordsRead").GetInt64() < 600, "the next run read on from the checkpoint");
    }

    private static async Task<List<JsonElement>> RunsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("api/flows/procedures/runs")).EnumerateArray()];
}
