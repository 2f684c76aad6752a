using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Host.Execution;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Flows;

/// <summary>A run whose host died (its row says 'running', its flow lock is free) is taken over within
/// <c>Hub:Takeover:After</c>: shown as abandoned, its flow run again from the checkpoint; the dead host's Hangfire job,
/// fetched again later, runs nothing (issue 13, item 6). The three-process proof is in <c>SeveralHostsTests</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RunTakeoverTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_run_left_running_by_a_dead_host_is_abandoned_and_taken_over_and_its_late_job_runs_nothing()
    {
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 20);
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Hub:Takeover:After"] = "00:00:03";
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);

        // What a SIGKILLed host leaves: a 'running' row, and no lock (PostgreSQL freed it with the connection).
        long deadRun;
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "insert into hub.flow_runs (flow_id, job_id, trigger, status, started_at) values ('procedures', 'dead-host-job', 'schedule', 'running', now()) returning id", connection);
            deadRun = (long)(await insert.ExecuteScalarAsync())!;
        }

        var runs = await Eventually.ReturnsAsync(() => RunsAsync(admin),
            r => r.Any(x => x.GetProperty("trigger").GetString() == AbandonedRunTakeover.Trigger && x.GetProperty("status").GetString() == "succeeded"),
            Patience, "the takeover run succeeded");
        var abandoned = runs.Single(r => r.GetProperty("id").GetInt64() == deadRun);
        Assert.Equal("abandoned", abandoned.GetProperty("status").GetString());
        Assert.Contains("taken over", abandoned.GetProperty("error").GetString(), StringComparison.Ordinal);
        var noticedAfter = abandoned.GetProperty("end").GetDateTimeOffset() - abandoned.GetProperty("start").GetDateTimeOffset();
        Assert.True(noticedAfter <= TimeSpan.FromSeconds(3) + TimeSpan.FromSeconds(2), $"noticed after {noticedAfter}");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Stats().DistinctProcedures), n => n == 20, Patience, "the taken-over run's procedures delivered");

        // The flow's dashboard page tells both, in either language.
        var page = await admin.GetStringAsync("hangfire/flows/procedures?lang=en");
        Assert.Contains("abandoned (its host stopped)", page, StringComparison.Ordinal);
        Assert.Contains("taken over from a stopped host", page, StringComparison.Ordinal);
        Assert.Contains("bỏ dở (máy chủ dừng)", WebUtility.HtmlDecode(await admin.GetStringAsync("hangfire/flows/procedures?lang=vi")), StringComparison.Ordinal);

        // Hangfire fetches the dead host's job again once its invisibility timeout passes: it runs nothing.
        var runner = hub.Services.GetRequiredService<FlowRunner>();
        Assert.Equal("skipped", await runner.RunAsync("procedures", "dead-host-job", "schedule", CancellationToken.None));
        Assert.Equal(runs.Count, (await RunsAsync(admin)).Count);
        Assert.Equal(1, sandboxes.IGate.Stats().MaxWritesPerCode);
    }

    private static async Task<List<JsonElement>> RunsAsync(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>("api/flows/procedures/runs")).EnumerateArray()];
}
