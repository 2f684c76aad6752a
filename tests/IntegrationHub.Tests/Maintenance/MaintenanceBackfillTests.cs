using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.Maintenance;

/// <summary>A maintenance window that begins while a backfill reads its source stops it after its next commit: it waits,
/// shown as waiting in the runs API and on the flow's page, and its job at the window's end reads on from the position it
/// committed, to the end.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MaintenanceBackfillTests(PostgresCluster cluster)
{
    private const string Flow = "dossiers";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_window_that_begins_during_a_backfill_makes_it_wait_and_it_reads_on_from_its_position_at_the_windows_end()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        sandboxes.IGate.Dossiers.Generate(40, 1);
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Connectors:igate:BatchSize"] = "4";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = TestHub.AdminClient(hub);
        await FlowRuns.RunAsync(client, Flow);
        var messages = FlowRuns.Count(await FlowRuns.FlowAsync(client, Flow), "received");

        // A slow source: the backfill reads a page every half second.
        sandboxes.IGateFaults.Latency = TimeSpan.FromMilliseconds(500);
        var accepted = await (await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { from, reason = "DVCQG lost dossiers (ticket 9)" })).Content.ReadFromJsonAsync<JsonElement>();
        var run = accepted.GetProperty("run").GetString()!.TrimStart('/');
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run),
            r => r.GetProperty("status").GetString() == "running" && r.GetProperty("recordsRead").GetInt64() > 0, Patience, "the backfill to read its first page");

        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        var window = await client.PostAsJsonAsync("api/connectors/igate/maintenance", new { to = until, reason = "iGate upgrade" });
        Assert.Equal(HttpStatusCode.Created, window.StatusCode);

        var waiting = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run),
            r => r.GetProperty("status").GetString() != "running", Patience, "the backfill to stop for the window");
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        Assert.Contains("igate is in maintenance until", waiting.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("end").ValueKind);
        var stoppedAt = waiting.GetProperty("recordsRead").GetInt64();
        var position = waiting.GetProperty("backfill").GetProperty("position").GetString();
        Assert.InRange(stoppedAt, 1, 39);
        Assert.NotNull(position);
        var page = await client.GetStringAsync($"hangfire/flows/{Flow}?lang=en");
        Assert.Contains($"data-run-id=\"{waiting.GetProperty("id").GetInt64()}\" data-status=\"waiting\"", page, StringComparison.Ordinal);
        Assert.Contains("waiting for maintenance to end", page, StringComparison.Ordinal);
        // One backfill at a time: a waiting one still holds the flow.
        var second = await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { from, reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True(DateTimeOffset.UtcNow < until, "the window ended before the test could look; the checks above prove nothing");

        // At the window's end it reads on from its position (not from its start) to the end of the source.
        sandboxes.IGateFaults.Latency = TimeSpan.Zero;
        var done = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run),
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", Patience, "the backfill to finish after the window");
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(40, done.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, done.GetProperty("messagesCreated").GetInt64());
        Assert.True(done.GetProperty("end").GetDateTimeOffset() >= until.AddSeconds(-1), $"ended {done.GetProperty("end")} before the window's end {until:O}");
        Assert.Equal(messages, FlowRuns.Count(await FlowRuns.FlowAsync(client, Flow), "received"));
    }
}
