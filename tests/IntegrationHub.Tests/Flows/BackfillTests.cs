using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Flows;

/// <summary>Backfills of iGate dossiers (issue 14, item 4): read again from a time or a checkpoint as their own run,
/// no second message for an unchanged dossier, one for a changed one, the flow's checkpoint never moved back, one
/// backfill at a time, bad requests refused with a code.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BackfillTests(PostgresCluster cluster)
{
    private const string Flow = "dossiers";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_backfill_from_a_time_makes_no_message_of_unchanged_dossiers_one_of_a_changed_one_and_leaves_the_flow_checkpoint()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        sandboxes.IGate.Dossiers.Generate(50, 2);
        var (database, hub) = await StartHubAsync(sandboxes, batchSize: 10);
        await using var _ = hub;
        using var client = TestHub.AdminClient(hub);
        await FlowRuns.RunAsync(client, Flow);
        Assert.Equal(50, await MessagesAsync(database));
        var checkpoint = await CheckpointAsync(database);

        var unchanged = await BackfillAsync(client, new { from, reason = "DVCQG lost dossiers of 28/11 (ticket 7)" });
        Assert.Equal(50, unchanged.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, unchanged.GetProperty("messagesCreated").GetInt64());
        Assert.StartsWith("backfill:", unchanged.GetProperty("trigger").GetString(), StringComparison.Ordinal);
        Assert.Equal("DVCQG lost dossiers of 28/11 (ticket 7)", unchanged.GetProperty("backfill").GetProperty("reason").GetString());
        Assert.NotNull(unchanged.GetProperty("backfill").GetProperty("position").GetString());
        Assert.Equal(50, await MessagesAsync(database));
        Assert.Equal(checkpoint, await CheckpointAsync(database));

        Assert.Single(sandboxes.IGate.Dossiers.AdvanceSome(1));
        var changed = await BackfillAsync(client, new { from, reason = "again, after a dossier changed" });
        Assert.Equal(50, changed.GetProperty("recordsRead").GetInt64()); // the feed serves each dossier's latest version once
        Assert.Equal(1, changed.GetProperty("messagesCreated").GetInt64());
        Assert.Equal(51, await MessagesAsync(database));

        // The run that follows the backfill reads on from the flow's own checkpoint: the changed dossier once more, no new message.
        await Eventually.ReturnsAsync(() => LastRunAsync(client), r => r.GetProperty("trigger").GetString() == "after-backfill" && r.GetProperty("status").GetString() == "succeeded",
            Patience, "the catch-up run after the backfill");
        Assert.Equal(51, await MessagesAsync(database));
        var after = await CheckpointAsync(database);
        Assert.NotEqual(changed.GetProperty("id").GetInt64(), after.RunId);
        Assert.True(string.CompareOrdinal(Since(after.State), Since(checkpoint.State)) > 0, $"{after.State} is after {checkpoint.State}");
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, Flow), f => FlowRuns.Count(f, "delivered") == 51, Patience, "51 messages delivered");
        Assert.Equal(50, sandboxes.National.DossierStats.DossierCount);
    }

    [Fact]
    public async Task A_backfill_of_progress_entries_makes_no_message_of_entries_sent_before_and_one_of_a_new_entry()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        sandboxes.IGate.Dossiers.Generate(20, 3);
        var entries = sandboxes.IGate.Dossiers.Stats().ProgressEntries;
        var (database, hub) = await StartHubAsync(sandboxes, batchSize: 7);
        await using var _ = hub;
        using var client = TestHub.AdminClient(hub);
        await FlowRuns.RunAsync(client, Flow);
        await FlowRuns.RunAsync(client, "progress");
        Assert.Equal(entries, await MessagesAsync(database, "progress"));

        // Each dossier's entries come again, older than the version the hub keeps for it: none is a message again.
        var again = await BackfillAsync(client, new { from, reason = "portal lost progress of 28/11" }, "progress");
        Assert.Equal(entries, again.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, again.GetProperty("messagesCreated").GetInt64());

        Assert.Single(sandboxes.IGate.Dossiers.AdvanceSome(1));
        await FlowRuns.RunAsync(client, Flow);
        var changed = await BackfillAsync(client, new { from, reason = "again, after a new entry" }, "progress");
        Assert.Equal(entries + 1, changed.GetProperty("recordsRead").GetInt64());
        Assert.Equal(1, changed.GetProperty("messagesCreated").GetInt64());
        Assert.Equal(entries + 1, await MessagesAsync(database, "progress"));
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "progress"), f => FlowRuns.Count(f, "delivered") == entries + 1, Patience, "every entry delivered");
        Assert.Equal(entries + 1, sandboxes.National.DossierStats.ProgressEntries);
        Assert.Equal(0, sandboxes.National.DossierStats.OrderViolations);
    }

    [Fact]
    public async Task A_backfill_from_a_checkpoint_reads_what_follows_it_and_one_to_a_time_stops_at_the_first_checkpoint_past_it()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var (database, hub) = await StartHubAsync(sandboxes, batchSize: 10);
        await using var _ = hub;
        using var client = TestHub.AdminClient(hub);
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        sandboxes.IGate.Dossiers.Generate(30, 1);
        await FlowRuns.RunAsync(client, Flow);
        var middle = await CheckpointAsync(database);
        // The sandbox stamps changes with the same clock: the 20 dossiers below change at or after the cut (kept in microseconds, as PostgreSQL does).
        var now = DateTimeOffset.UtcNow;
        var cut = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        sandboxes.IGate.Dossiers.Generate(20, 1);
        await FlowRuns.RunAsync(client, Flow);
        var end = await CheckpointAsync(database);
        Assert.Equal(50, await MessagesAsync(database));

        var byCheckpoint = await BackfillAsync(client, new { checkpoint = middle.State, reason = "portal asked for the second half again" });
        Assert.Equal(20, byCheckpoint.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, byCheckpoint.GetProperty("messagesCreated").GetInt64());
        Assert.Equal(middle.State, byCheckpoint.GetProperty("backfill").GetProperty("from").GetString());

        // Pages of 10: the three pages before the cut, then the page holding the first dossier after it, whose checkpoint is past the cut.
        var byTime = await BackfillAsync(client, new { from, to = cut, reason = "the first half only" });
        Assert.Equal(40, byTime.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, byTime.GetProperty("messagesCreated").GetInt64());
        Assert.Equal(cut, byTime.GetProperty("backfill").GetProperty("to").GetDateTimeOffset());
        Assert.Equal(50, await MessagesAsync(database));
        Assert.Equal(end, await CheckpointAsync(database));

        // The dashboard's flow page lists the backfills among the runs: who, why, how much.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"hangfire/flows/{Flow}?lang=en"));
        Assert.Contains($"backfill ({TestHub.AdminUser})", page, StringComparison.Ordinal);
        Assert.Contains("portal asked for the second half again", page, StringComparison.Ordinal);
        Assert.Contains($"data-run-id=\"{byTime.GetProperty("id").GetInt64()}\" data-status=\"succeeded\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_backfill_while_one_waits_for_the_flow_is_refused_with_409_unless_the_waiting_ones_job_was_deleted()
    {
        await using var synced = await SyncedAsync(5);
        var (_, database, hub, client, checkpoint) = synced;

        // The test holds the flow's run lock, as a scheduled run in progress would.
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        await ExecuteAsync(holder, "select pg_advisory_lock(hashtextextended('flow-run:dossiers', 0))");
        var first = await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { checkpoint = checkpoint.State, reason = "first" });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var accepted = await first.Content.ReadFromJsonAsync<JsonElement>();
        var runId = accepted.GetProperty("runId").GetInt64();
        Assert.Equal($"/api/flows/{Flow}/runs/{runId}", first.Headers.Location!.OriginalString);
        Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>(first.Headers.Location!.OriginalString.TrimStart('/'))).GetProperty("status").GetString());

        var second = await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { checkpoint = checkpoint.State, reason = "second" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("backfill_running", problem.GetProperty("code").GetString());
        Assert.Equal(runId, problem.GetProperty("runId").GetInt64());

        // An officer deletes the waiting job in Hangfire's dashboard: that backfill will never run, so it holds the flow no more.
        Assert.True(hub.Services.GetRequiredService<IBackgroundJobClient>().Delete(accepted.GetProperty("jobId").GetString()));
        var third = await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { checkpoint = checkpoint.State, reason = "third, its job deleted" });
        Assert.True(third.StatusCode == HttpStatusCode.Accepted, await third.Content.ReadAsStringAsync());
        Assert.Equal("failed", (await client.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/runs/{runId}")).GetProperty("status").GetString());
        var thirdRun = (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetString()!.TrimStart('/');
        Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>(thirdRun)).GetProperty("status").GetString());

        await ExecuteAsync(holder, "select pg_advisory_unlock_all()");
        var run = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(thirdRun),
            r => r.GetProperty("status").GetString() == "succeeded", Patience, "the waiting backfill to run once the flow is free");
        Assert.Equal(0, run.GetProperty("recordsRead").GetInt64());
        Assert.Equal("failed", (await client.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/runs/{runId}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { checkpoint = checkpoint.State, reason = "fourth, after the third ended" })).StatusCode);
        Assert.Equal(["first", "third, its job deleted", "fourth, after the third ended"], await ActionsAsync(database));
    }

    [Fact]
    public async Task A_backfill_left_queued_without_a_job_holds_the_flow_for_a_minute_then_gives_way()
    {
        await using var synced = await SyncedAsync(3);
        var (_, database, _, client, checkpoint) = synced;

        // What a request leaves when the database goes away (or the host dies) between its run row and its job.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "insert into hub.flow_runs (flow_id, trigger, status, started_at, reason, backfill_from) values (@flow, 'backfill:officer', 'queued', now() - interval '10 seconds', 'orphan', @from) returning id",
            connection);
        insert.Parameters.AddWithValue("flow", Flow);
        insert.Parameters.AddWithValue("from", checkpoint.State);
        var orphan = (long)(await insert.ExecuteScalarAsync())!;

        // Just queued: its job may still be on the way.
        var early = await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { checkpoint = checkpoint.State, reason = "too early" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(orphan, (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt64());

        // Still without a job after a minute: it never gets one, so it is marked failed and the new request is queued.
        await ExecuteAsync(connection, $"update hub.flow_runs set started_at = now() - interval '2 minutes' where id = {orphan}");
        var later = await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { checkpoint = checkpoint.State, reason = "after the orphan" });
        Assert.True(later.StatusCode == HttpStatusCode.Accepted, await later.Content.ReadAsStringAsync());
        var failed = await client.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/runs/{orphan}");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("never queued", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var run = (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetString()!.TrimStart('/');
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run), r => r.GetProperty("status").GetString() == "succeeded", Patience, "the new backfill to run");
    }

    [Fact]
    public async Task A_backfill_of_a_source_in_maintenance_waits_and_runs_at_the_windows_end()
    {
        await using var synced = await SyncedAsync(3);
        var (_, _, _, client, checkpoint) = synced;

        var until = DateTimeOffset.UtcNow.AddSeconds(15);
        var window = await client.PostAsJsonAsync("api/connectors/igate/maintenance", new { to = until, reason = "iGate upgrade" });
        Assert.True(window.IsSuccessStatusCode, await window.Content.ReadAsStringAsync());
        var accepted = await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { checkpoint = checkpoint.State, reason = "during the upgrade" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var run = body.GetProperty("run").GetString()!.TrimStart('/');
        var firstJob = body.GetProperty("jobId").GetString();

        // Its job found iGate in maintenance: the backfill read nothing and waits (saying why) for a job at the window's end.
        var waiting = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run),
            r => r.GetProperty("jobId").GetString() != firstJob, Patience, "the backfill's job scheduled again for the window's end");
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        Assert.Contains("igate is in maintenance until", waiting.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, waiting.GetProperty("recordsRead").GetInt64());
        Assert.True(DateTimeOffset.UtcNow < until, "the window ended before the test could look; the check above proves nothing");

        var done = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run),
            r => r.GetProperty("status").GetString() == "succeeded", Patience, "the backfill to run once the window is over");
        Assert.True(done.GetProperty("start").GetDateTimeOffset() >= until.AddSeconds(-1), $"started {done.GetProperty("start")} before the window's end {until:O}");
    }

    [Fact]
    public async Task While_a_backfill_reads_the_flow_is_running_so_a_run_request_is_refused_and_the_flow_runs_once_after_it()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        sandboxes.IGate.Dossiers.Generate(30, 1);
        var (_, hub) = await StartHubAsync(sandboxes, batchSize: 5);
        await using var _ = hub;
        using var client = TestHub.AdminClient(hub);
        await FlowRuns.RunAsync(client, Flow);

        sandboxes.IGateFaults.Latency = TimeSpan.FromMilliseconds(500);
        var accepted = await (await client.PostAsJsonAsync($"api/flows/{Flow}/backfill", new { from, reason = "slow source" })).Content.ReadFromJsonAsync<JsonElement>();
        var run = accepted.GetProperty("run").GetString()!.TrimStart('/');
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run), r => r.GetProperty("status").GetString() == "running", Patience, "the backfill to read");

        // A schedule firing meets the same refusal as this request: the flow is running.
        var refused = await client.PostAsync($"api/flows/{Flow}/run", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("flow_running", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("running", (await FlowRuns.FlowAsync(client, Flow)).GetProperty("state").GetString());

        sandboxes.IGateFaults.Latency = TimeSpan.Zero;
        var ended = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run), r => r.GetProperty("status").GetString() == "succeeded", Patience, "the backfill to end");
        Assert.Equal(30, ended.GetProperty("recordsRead").GetInt64());
        var after = await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, Flow),
            f => f.GetProperty("lastRun").GetProperty("trigger").GetString() == "after-backfill" && f.GetProperty("lastRun").GetProperty("status").GetString() == "succeeded",
            Patience, "the flow to run once after the backfill");
        Assert.True(after.GetProperty("lastRun").GetProperty("id").GetInt64() > ended.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Bad_backfill_requests_are_refused_with_a_code_and_record_nothing()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using var client = TestHub.AdminClient(hub);
        var past = DateTimeOffset.UtcNow.AddDays(-1);
        const string Good = """{"since":"2026-11-28T08:30:00+07:00","afterId":"HS-1"}""";

        await AssertRefusedAsync(client, "no-such-flow", new { from = past, reason = "r" }, HttpStatusCode.NotFound, "unknown_flow");
        await AssertRefusedAsync(client, Flow, new { from = past }, HttpStatusCode.BadRequest, "reason_required");
        await AssertRefusedAsync(client, Flow, new { from = past, reason = "  " }, HttpStatusCode.BadRequest, "reason_required");
        await AssertRefusedAsync(client, Flow, new { reason = "r" }, HttpStatusCode.BadRequest, "backfill_start_required");
        await AssertRefusedAsync(client, Flow, new { checkpoint = Good, from = past, reason = "r" }, HttpStatusCode.BadRequest, "backfill_start_ambiguous");
        await AssertRefusedAsync(client, Flow, new { from = past, to = past, reason = "r" }, HttpStatusCode.BadRequest, "invalid_time_range");
        await AssertRefusedAsync(client, Flow, new { from = past, to = past.AddHours(-1), reason = "r" }, HttpStatusCode.BadRequest, "invalid_time_range");
        await AssertRefusedAsync(client, Flow, new { checkpoint = Good, to = DateTimeOffset.Parse("2026-11-28T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), reason = "r" }, HttpStatusCode.BadRequest, "invalid_time_range");
        await AssertRefusedAsync(client, Flow, new { from = DateTimeOffset.UtcNow.AddHours(1), reason = "r" }, HttpStatusCode.BadRequest, "from_in_future");
        await AssertRefusedAsync(client, Flow, new { checkpoint = "page 3", reason = "r" }, HttpStatusCode.BadRequest, "invalid_checkpoint");
        await AssertRefusedAsync(client, Flow, new { checkpoint = """{"since":"yesterday","afterId":"x"}""", reason = "r" }, HttpStatusCode.BadRequest, "invalid_checkpoint");
        await AssertRefusedAsync(client, Flow, new { checkpoint = "", reason = "r" }, HttpStatusCode.BadRequest, "invalid_checkpoint");
        await AssertRefusedAsync(client, Flow, new { from = "not a time", reason = "r" }, HttpStatusCode.BadRequest, "malformed_json");
        await AssertRefusedAsync(client, Flow, new { from = "2026-01-01T08:00:00", reason = "r" }, HttpStatusCode.BadRequest, "malformed_json");
        await AssertRefusedAsync(client, Flow, new { from = past, reason = "r", extra = 1 }, HttpStatusCode.BadRequest, "malformed_json");
        await AssertRefusedAsync(client, "procedures", new { from = past, reason = "r" }, HttpStatusCode.BadRequest, "source_not_time_ordered");

        // Retention dropped the history before some day: a backfill from before it would send what was read then again.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "insert into hub.history_partitions (name, from_id, to_id, opened_at, closed_at, dropped_at) values ('p_dropped_test', -2, -1, now() - interval '460 days', now() - interval '430 days', now())");
            await AssertRefusedAsync(client, Flow, new { from = DateTimeOffset.UtcNow.AddDays(-440), reason = "r" }, HttpStatusCode.BadRequest, "backfill_before_history");
            await AssertRefusedAsync(client, Flow, new { checkpoint = """{"since":"2025-01-01T08:30:00+07:00","afterId":"HS-1"}""", reason = "r" }, HttpStatusCode.BadRequest, "backfill_before_history");
            await ExecuteAsync(connection, "delete from hub.history_partitions where name = 'p_dropped_test'");
        }

        await AssertRefusedAsync(client, "payments", new { from = past, reason = "r" }, HttpStatusCode.Conflict, "flow_is_inbound");
        var empty = await client.PostAsync($"api/flows/{Flow}/backfill", null);
        Assert.Equal("reason_required", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var missing = await client.GetAsync($"api/flows/{Flow}/runs/424242");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("unknown_run", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Empty(await ActionsAsync(database));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/runs")).EnumerateArray());

        // The API document lists what each status may carry.
        var backfill = JsonNode.Parse(await client.GetStringAsync("openapi/v1.json"))!["paths"]!["/api/flows/{flowId}/backfill"]!["post"]!;
        Assert.Equal("backfillFlow", backfill["operationId"]!.GetValue<string>());
        Assert.Equal(["backfill_running", "flow_is_inbound", "flow_paused"], backfill["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["allOf"]![1]!["properties"]!["code"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    /// <returns>A hub reading the sandboxes' iGate in pages of <paramref name="batchSize"/>, on a database of its own.</returns>
    /// <summary>A hub whose dossiers flow read <paramref name="dossiers"/> iGate dossiers once, batches of 100, and the
    /// checkpoint it saved: where most backfill tests begin.</summary>
    private async Task<SyncedHub> SyncedAsync(int dossiers)
    {
        var sandboxes = await DossierSandboxes.StartAsync();
        sandboxes.IGate.Dossiers.Generate(dossiers, 1);
        var (database, hub) = await StartHubAsync(sandboxes, batchSize: 100);
        var client = TestHub.AdminClient(hub);
        await FlowRuns.RunAsync(client, Flow);
        return new SyncedHub(sandboxes, database, hub, client, await CheckpointAsync(database));
    }

    private async Task<(string Database, HubHost Hub)> StartHubAsync(DossierSandboxes sandboxes, int batchSize)
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Connectors:igate:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (database, await TestHub.StartAsync(settings));
    }

    private static async Task AssertRefusedAsync(HttpClient client, string flow, object body, HttpStatusCode status, string code)
    {
        var response = await client.PostAsJsonAsync($"api/flows/{flow}/backfill", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{JsonSerializer.Serialize(body)}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }

    /// <returns>The backfill's run once it succeeded, and the flow's run that follows it ended too (so that a change the
    /// test makes next is the next backfill's to read, not that run's).</returns>
    private static async Task<JsonElement> BackfillAsync(HttpClient client, object body, string flow = Flow)
    {
        var response = await client.PostAsJsonAsync($"api/flows/{flow}/backfill", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var run = accepted.GetProperty("run").GetString()!;
        var ended = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>(run.TrimStart('/')),
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", Patience, $"backfill {run} to end");
        Assert.True(ended.GetProperty("status").GetString() == "succeeded", $"backfill failed: {ended}");
        var id = ended.GetProperty("id").GetInt64();
        await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>($"api/flows/{flow}/runs?limit=5"),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("id").GetInt64() > id && r.GetProperty("trigger").GetString() == "after-backfill" && r.GetProperty("status").GetString() == "succeeded"),
            Patience, $"the run after backfill {id}");
        return ended;
    }

    private static async Task<JsonElement> LastRunAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"api/flows/{Flow}/runs?limit=1")).EnumerateArray().First();

    private static string Since(string state) => JsonDocument.Parse(state).RootElement.GetProperty("since").GetString()!;

    private static async Task<long> MessagesAsync(string database, string flow = Flow)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from hub.messages where flow_id = @flow", connection);
        command.Parameters.AddWithValue("flow", flow);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(string State, long RunId)> CheckpointAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select state, run_id from hub.checkpoints where flow_id = 'dossiers'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the flow has a checkpoint");
        return (reader.GetString(0), reader.GetInt64(1));
    }

    private static async Task<List<string>> ActionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select reason from hub.operator_actions where action = 'flow-backfill' order by id", connection);
        var reasons = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            reasons.Add(reader.GetString(0));
        }

        return reasons;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteScalarAsync();
    }

    private sealed record SyncedHub(DossierSandboxes Sandboxes, string Database, HubHost Hub, HttpClient Client, (string State, long RunId) Checkpoint) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Hub.DisposeAsync();
            await Sandboxes.DisposeAsync();
        }
    }
}
