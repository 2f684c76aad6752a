using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Inbound;

/// <summary>The gateway under pressure: a database outage during a push load answers 503 at once (nothing hangs, no
/// acknowledged message is lost, pushes succeed again by themselves), and a full inbox refuses until it is drained.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InboundBackPressureTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const string Path = "/api/inbound/dvcqg/danh-gia";
    private static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HangMargin = TimeSpan.FromSeconds(3);
    private static readonly string[] BackPressureCodes = ["storage_unavailable", "inbox_full", "gateway_busy"];

    private sealed record Outcome(int Worker, string MessageId, int Phase, HttpStatusCode? Status, string? Code, TimeSpan? RetryAfter, Guid? ReceiptId, TimeSpan Duration, string Text);

    [Fact]
    public async Task A_database_outage_during_a_push_load_gets_quick_503s_and_loses_no_acknowledged_message()
    {
        const int pushers = 16;
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:CommitTimeout"] = CommitTimeout.ToString();
        settings["Inbound:RetryAfterSeconds"] = "2";
        await using var hub = await TestHub.StartAsync(settings);
        using var client = InboundRestTests.PartnerClient(hub);
        client.Timeout = TimeSpan.FromSeconds(60); // a hang shows up as a long duration, not as the client's own timeout

        var outcomes = new ConcurrentQueue<Outcome>();
        var phase = 0; // 0 before the outage, 1 database stopping or stopped, 2 database started again
        using var stop = new CancellationTokenSource();
        var total = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, pushers).Select(worker => Task.Run(async () =>
        {
            for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
            {
                // A partner retries a refused message with the same id until it is acknowledged.
                var messageId = $"bp-{worker:00}-{sequence:00000}";
                while (!stop.IsCancellationRequested)
                {
                    var outcome = await PushAsync(client, worker, messageId, Volatile.Read(ref phase));
                    outcomes.Enqueue(outcome);
                    if (outcome.Status == HttpStatusCode.Accepted)
                    {
                        break;
                    }

                    await Task.Delay(20);
                }
            }
        })).ToList();

        try
        {
            await Eventually.HoldsAsync(() => outcomes.Count(o => o.Status == HttpStatusCode.Accepted) >= 100, TimeSpan.FromSeconds(30), "100 acknowledged pushes before the outage");
            var outageStarted = total.Elapsed;
            try
            {
                Volatile.Write(ref phase, 1);
                await cluster.StopServerAsync();
                output.WriteLine($"database stopped at {outageStarted.TotalSeconds:0.0} s (stop took {(total.Elapsed - outageStarted).TotalSeconds:0.0} s)");

                // Keep pushing through the outage: refusals must be immediate, with Retry-After.
                await Eventually.HoldsAsync(
                    () => outcomes.Count(o => o.Phase == 1 && o.Status == HttpStatusCode.ServiceUnavailable) >= 200,
                    TimeSpan.FromSeconds(30), "200 refusals while the database is down");
                await Task.Delay(CommitTimeout + TimeSpan.FromSeconds(1)); // longer than a commit may wait: a hung request would show
            }
            finally
            {
                var restartAt = total.Elapsed;
                await cluster.StartServerAsync();
                output.WriteLine($"database started again at {total.Elapsed.TotalSeconds:0.0} s (start took {(total.Elapsed - restartAt).TotalSeconds:0.0} s)");
            }

            Volatile.Write(ref phase, 2);
            var back = Stopwatch.StartNew();
            await Eventually.HoldsAsync(() => outcomes.Any(o => o.Phase == 2 && o.Status == HttpStatusCode.Accepted), TimeSpan.FromSeconds(60), "a 202 after the database is back");
            output.WriteLine($"first 202 after restart within {back.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        var all = outcomes.ToList();
        foreach (var group in all.GroupBy(o => (o.Phase, o.Status, o.Code)).OrderBy(g => g.Key.Phase))
        {
            output.WriteLine($"phase {group.Key.Phase}: {(int?)group.Key.Status} {group.Key.Code}: {group.Count()} (max {group.Max(o => o.Duration).TotalMilliseconds:0} ms)");
        }

        // Nothing hung: every request was answered within the commit timeout plus a margin.
        var slowest = all.MaxBy(o => o.Duration)!;
        Assert.True(slowest.Duration <= CommitTimeout + HangMargin, $"slowest request took {slowest.Duration.TotalSeconds:0.0} s: {slowest}");

        // Every refusal is a back-pressure 503 with Retry-After and its code; the outage produced storage_unavailable.
        Assert.All(all.Where(o => o.Status != HttpStatusCode.Accepted), o =>
        {
            Assert.True(o.Status == HttpStatusCode.ServiceUnavailable, $"unexpected answer: {o}");
            Assert.Contains(o.Code, BackPressureCodes);
            Assert.Equal(TimeSpan.FromSeconds(2), o.RetryAfter);
        });
        Assert.Contains(all, o => o.Phase == 1 && o.Code == "storage_unavailable");

        // Acknowledged means stored: each acknowledged message id has one receipt, and that receipt is in the inbox with it.
        var acknowledged = all.Where(o => o.Status == HttpStatusCode.Accepted).ToList();
        var receipts = acknowledged.GroupBy(o => o.MessageId).ToDictionary(g => g.Key, g => g.Select(o => o.ReceiptId!.Value).Distinct().ToList());
        Assert.All(receipts, r => Assert.Single(r.Value));
        var stored = await InboxRowsAsync(database);
        var lost = receipts.Where(r => !stored.TryGetValue(r.Value[0], out var messageId) || messageId != r.Key).Select(r => r.Key).ToList();
        Assert.True(lost.Count == 0, $"acknowledged but not in hub.inbox: {string.Join(", ", lost.Take(20))}");
        output.WriteLine($"{acknowledged.Count} acknowledgements for {receipts.Count} message ids, all in hub.inbox ({stored.Count} rows); {all.Count} requests in {total.Elapsed.TotalSeconds:0.0} s");
        Assert.True(stored.Count >= receipts.Count);

        // The hub kept running through the outage.
        using var plain = new HttpClient { BaseAddress = hub.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("health/live")).StatusCode);

        // The shared cluster is back for the tests after this one: a new database can be made and used.
        await using var next = new NpgsqlConnection(await cluster.CreateDatabaseAsync());
        await next.OpenAsync();
    }

    [Fact]
    public async Task A_full_inbox_refuses_pushes_until_routing_drains_it()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Inbound:RoutingEnabled"] = "false";
        settings["Inbound:MaxInboxDepth"] = "3";
        settings["Inbound:RetryAfterSeconds"] = "7";

        await using (var hub = await TestHub.StartAsync(settings))
        {
            using var client = InboundRestTests.PartnerClient(hub);
            for (var i = 1; i <= 3; i++)
            {
                var response = await client.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation($"full-{i}", $"H56.01-261128-02{i:00}")));
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"push {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var before = await InboxCounts.ReadAsync(database);
            var refused = await client.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation("full-4", "H56.01-261128-0204")));
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
            await InboundRestTests.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "inbox_full");
            Assert.Equal(before, await InboxCounts.ReadAsync(database));
            Assert.Equal(3, await ReceivedAsync(database));
        }

        // Still under maintenance after a restart: the new hub knows the inbox is full before it takes a push.
        await using (var hub = await TestHub.StartAsync(settings))
        {
            using var client = InboundRestTests.PartnerClient(hub);
            var refused = await client.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation("full-4", "H56.01-261128-0204")));
            await InboundRestTests.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "inbox_full");
            Assert.Equal(3, (await InboxCounts.ReadAsync(database)).Inbox);
        }

        settings["Inbound:RoutingEnabled"] = "true";
        await using (var hub = await TestHub.StartAsync(settings))
        {
            await Eventually.ReturnsAsync(() => ReceivedAsync(database), n => n == 0, TimeSpan.FromSeconds(30), "the inbox to drain");
            Assert.Equal(3, (await InboxCounts.ReadAsync(database)).Inbox); // drained rows are kept, no longer 'received'

            using var client = InboundRestTests.PartnerClient(hub);
            var response = await client.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation("full-4", "H56.01-261128-0204")));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<Outcome> PushAsync(HttpClient client, int worker, string messageId, int phase)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation(messageId, $"H56.01-BP-{worker:00}")));
            var text = await response.Content.ReadAsStringAsync();
            clock.Stop();
            string? code = null;
            Guid? receipt = null;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var body = JsonDocument.Parse(text).RootElement;
                Assert.Equal(messageId, body.GetProperty("messageId").GetString());
                receipt = body.GetProperty("receiptId").GetGuid();
            }
            else if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                code = JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            }

            return new Outcome(worker, messageId, phase, response.StatusCode, code, response.Headers.RetryAfter?.Delta, receipt, clock.Elapsed, text.Length > 300 ? text[..300] : text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(worker, messageId, phase, null, null, null, null, clock.Elapsed, e.GetType().Name + ": " + e.Message);
        }
    }

    internal static async Task<Dictionary<Guid, string>> InboxRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select receipt_id, partner_message_id from hub.inbox where partner = 'dvcqg'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetGuid(0), reader.GetString(1));
        }

        return rows;
    }

    private static async Task<long> ReceivedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from hub.inbox_unrouted", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
