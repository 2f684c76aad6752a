using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Flows;

/// <summary>Who starts a run and how often: schedules, the admin API, concurrency, and failures that must not be retried.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FlowRunControlTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_flow_never_runs_twice_at_once_and_a_second_request_gets_409_with_the_running_job()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 1000, nationalFaults: new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(20) });
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings["Connectors:national-portal:MaxParallelDetails"] = "2";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        var first = await client.PostAsync("api/flows/procedures/run", null);
        var jobId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        await Eventually.ReturnsAsync(() => ProceduresFlowTests.GetFlowAsync(client),
            f => f.TryGetProperty("lastRun", out var run) && run.ValueKind == JsonValueKind.Object && run.GetProperty("status").GetString() == "running",
            Patience, "the run to start");

        var second = await client.PostAsync("api/flows/procedures/run", null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("flow_running", problem.GetProperty("code").GetString());
        Assert.Equal(jobId, problem.GetProperty("jobId").GetString());

        // Even a job that slips past the check (e.g. enqueued by hand) does not run the flow a second time.
        var jobs = hub.Services.GetRequiredService<IBackgroundJobClient>();
        var sneaked = jobs.Enqueue<IntegrationHub.Host.Execution.FlowRunJob>(j => j.RunAsync("procedures", "test", null, CancellationToken.None));
        var monitoring = hub.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.ReturnsAsync(() => Task.FromResult((IReadOnlyList<string>)monitoring.JobDetails(sneaked).History.Select(h => h.StateName).ToList()),
            states => states.Contains(SucceededState.StateName), Patience, "the extra job to finish");

        sandboxes.NationalFaults.Latency = TimeSpan.Zero;
        await Eventually.ReturnsAsync(() => ProceduresFlowTests.GetFlowAsync(client),
            f => f.GetProperty("counts").GetProperty("delivered").GetInt64() == 1000, Patience, "1000 delivered");
        Assert.Equal(jobId, (await ProceduresFlowTests.GetFlowAsync(client)).GetProperty("lastRun").GetProperty("jobId").GetString());
        Assert.Equal(1000, sandboxes.IGate.Stats().TotalAppliedWrites);
    }

    [Fact]
    public async Task The_cron_schedule_starts_runs_by_itself()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 200);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings["Flows:procedures:Schedule"] = "0/2 * * * * ?";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        var flow = await Eventually.ReturnsAsync(() => ProceduresFlowTests.GetFlowAsync(client),
            f => f.GetProperty("counts").GetProperty("delivered").GetInt64() == 200, Patience, "the scheduled run to deliver");
        Assert.Equal("schedule", flow.GetProperty("lastRun").GetProperty("trigger").GetString());
        Assert.Equal("0/2 * * * * ?", flow.GetProperty("schedule").GetProperty("cron").GetString());
        Assert.True(flow.GetProperty("schedule").GetProperty("nextRunAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-5));
    }

    [Fact]
    public async Task The_next_run_is_computed_in_Vietnam_time_and_skips_sundays()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        settings["Flows:procedures:Schedule"] = "0 30 1 ? * MON-SAT";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        var next = (await ProceduresFlowTests.GetFlowAsync(client)).GetProperty("schedule").GetProperty("nextRunAt").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        Assert.Equal(new TimeSpan(1, 30, 0), local.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(7), local.Offset);
        Assert.NotEqual(DayOfWeek.Sunday, local.DayOfWeek);
        Assert.True(next - DateTimeOffset.UtcNow < TimeSpan.FromHours(49));
    }

    [Fact]
    public async Task A_run_that_fails_for_a_configuration_reason_fails_once_and_is_not_retried()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 10);
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        sandboxes.ApplyTo(settings);
        settings["Connectors:national-portal:Password"] = "wrong-password";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);

        var run = await client.PostAsync("api/flows/procedures/run", null);
        var jobId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        var monitoring = hub.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var states = await Eventually.ReturnsAsync(() => Task.FromResult((IReadOnlyList<string>)monitoring.JobDetails(jobId).History.Select(h => h.StateName).ToList()),
            s => s.Contains(FailedState.StateName), Patience, "the job to fail");
        Assert.DoesNotContain(ScheduledState.StateName, states);

        var flow = await ProceduresFlowTests.GetFlowAsync(client);
        Assert.Equal("failed", flow.GetProperty("lastRun").GetProperty("status").GetString());
        Assert.Contains("Config", flow.GetProperty("lastRun").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", flow.GetProperty("lastRun").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_reports_postgresql_hangfire_quartz_and_inbox_routing()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        await using var hub = await TestHub.StartAsync(settings);
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };

        var ready = await Eventually.ReturnsAsync(() => anonymous.GetAsync("health/ready"), r => r.StatusCode == HttpStatusCode.OK, Patience, "readiness");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        foreach (var check in new[] { "postgresql", "hangfire", "quartz", "inbox-routing" })
        {
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }
    }
}
