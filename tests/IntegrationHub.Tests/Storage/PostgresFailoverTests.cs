using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Storage;

/// <summary>The hub through a PostgreSQL failover, as a Patroni or managed pair does one: a hub process on a multi-host
/// connection string (<c>Target Session Attributes=read-write</c>) takes signed pushes and delivers them to iGate while the
/// primary's postmaster is SIGKILLed and the synchronous standby promoted. Every push acknowledged is on the new primary,
/// nothing is applied twice at iGate, refusals meanwhile are 503s with a code and Retry-After, and the hub takes pushes
/// and delivers again by itself, with no restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFailoverTests(ITestOutputHelper output)
{
    private const string Path = "/api/inbound/dvcqg/danh-gia";
    private const int Pushers = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>How long the cluster is left without a primary, as a cluster manager takes to decide (Patroni: its TTL).</summary>
    private static readonly TimeSpan LeaderlessFor = TimeSpan.FromSeconds(10);
    private static readonly string[] RefusalCodes = ["storage_unavailable", "gateway_busy"];

    private sealed record Outcome(TimeSpan At, string MessageId, string MaHoSo, HttpStatusCode? Status, string? Code, TimeSpan? RetryAfter, Guid? ReceiptId, string Text);

    [Fact]
    public async Task A_primary_killed_during_pushes_and_deliveries_loses_no_acknowledged_push_doubles_no_delivery_and_the_hub_recovers_by_itself()
    {
        await using var databases = await ReplicatedPostgres.StartAsync();
        await using var sandboxes = await SandboxPair.StartAsync(procedures: 10);
        Assert.IsType<NpgsqlMultiHostDataSource>(NpgsqlDataSource.Create(databases.MultiHostConnectionString), exactMatch: false);

        var settings = TestHub.BaseSettings(databases.MultiHostConnectionString);
        sandboxes.ApplyTo(settings);
        settings["Inbound:RetryAfterSeconds"] = "1";
        await using var hub = HubProcess.Start(ProcessSettings.AsEnvironment(settings, "Testing"), Directory.CreateTempSubdirectory("hub-cwd-").FullName);
        await hub.WaitUntilReadyAsync(Patience);

        using var partner = new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret)) { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var probe = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        using var admin = TestHub.AdminClient(hub.BaseAddress);
        var outcomes = new ConcurrentQueue<Outcome>();
        var readiness = new ConcurrentQueue<(TimeSpan At, HttpStatusCode? Status)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Pushers).Select(worker => Task.Run(() => PushLoopAsync(partner, sandboxes, worker, clock, outcomes, stop.Token))).ToList();
        var watcher = Task.Run(() => WatchReadinessAsync(probe, clock, readiness, stop.Token));

        TimeSpan killedAt, promotedAt;
        DateTimeOffset promotedAtWallClock;
        try
        {
            await Eventually.HoldsAsync(() => Accepted(outcomes).Count() >= 150 && sandboxes.IGate.EvaluationStats().TotalAppliedWrites >= 50, Patience, "pushes acknowledged and delivered before the kill");

            // The kill counts from its start: backends already in a query may still answer until they are killed too.
            killedAt = clock.Elapsed;
            await databases.KillPrimaryAsync();
            output.WriteLine($"primary SIGKILLed at {killedAt.TotalSeconds:0.0} s, its last process gone {(clock.Elapsed - killedAt).TotalSeconds:0.0} s later " +
                $"({Accepted(outcomes).Count(o => o.At < killedAt)} pushes acknowledged before, {sandboxes.IGate.EvaluationStats().TotalAppliedWrites} evaluations applied at iGate)");

            // The hub notices on its own (a refused push) and keeps refusing at once while the cluster has no primary; the
            // admin API says the same instead of failing with a 500. Then the cluster manager promotes the standby.
            await Eventually.HoldsAsync(() => outcomes.Any(o => o.At > killedAt && o.Status != HttpStatusCode.Accepted), Patience, "a refused push after the kill");
            var firstRefusalAt = outcomes.Where(o => o.At > killedAt && o.Status != HttpStatusCode.Accepted).Min(o => o.At);
            using (var flows = await admin.GetAsync("api/flows"))
            {
                Assert.Equal(TimeSpan.FromSeconds(1), flows.Headers.RetryAfter?.Delta);
                await InboundRestTests.AssertProblemAsync(flows, HttpStatusCode.ServiceUnavailable, "storage_unavailable");
            }

            await Eventually.HoldsAsync(() => outcomes.Any(o => o.At > firstRefusalAt + LeaderlessFor && o.Status == HttpStatusCode.ServiceUnavailable), Patience,
                $"pushes refused for {LeaderlessFor.TotalSeconds:0} s without a primary");
            promotedAt = clock.Elapsed;
            promotedAtWallClock = DateTimeOffset.UtcNow;
            await databases.PromoteStandbyAsync();
            Assert.False(await databases.StandbyIsInRecoveryAsync());
            output.WriteLine($"standby promoted at {promotedAt.TotalSeconds:0.0} s (promote took {(clock.Elapsed - promotedAt).TotalSeconds:0.0} s)");

            // Pushed after the promotion, routed and delivered: the whole path works again.
            await Eventually.HoldsAsync(() => Accepted(outcomes).Count(o => o.At > promotedAt) >= 100, Patience, "100 pushes acknowledged after the promotion, no restart");
            var pushedAfter = Accepted(outcomes).First(o => o.At > promotedAt).MaHoSo;
            await Eventually.HoldsAsync(() => sandboxes.IGate.EvaluationWriteCounts().ContainsKey(pushedAfter), Patience, "a push acknowledged after the promotion delivered");
            output.WriteLine($"the first push acknowledged after the promotion was delivered by {(clock.Elapsed - promotedAt).TotalSeconds:0.0} s after it");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            await watcher;
        }

        var all = outcomes.OrderBy(o => o.At).ToList();
        foreach (var group in all.GroupBy(o => (After: o.At > killedAt, o.Status, o.Code)).OrderBy(g => g.Key.After))
        {
            output.WriteLine($"{(group.Key.After ? "after" : "before")} the kill: {(int?)group.Key.Status} {group.Key.Code}: {group.Count()}");
        }

        // The outage as partners saw it: from the first refusal after the kill to the first acknowledgement after the
        // promotion (none can come between: the primary is dead and the standby takes no writes).
        var firstRefused = all.First(o => o.At > killedAt && o.Status != HttpStatusCode.Accepted);
        var firstBack = all.First(o => o.At > promotedAt && o.Status == HttpStatusCode.Accepted);
        output.WriteLine($"outage seen by the hub: first refusal {(firstRefused.At - killedAt).TotalSeconds:0.0} s after the kill, " +
            $"first 202 after it {(firstBack.At - promotedAt).TotalSeconds:0.0} s after the promotion: {(firstBack.At - firstRefused.At).TotalSeconds:0.0} s without acknowledgements");
        // Once back it stays back: no idle connection to the dead primary fails a push later.
        var relapse = all.Where(o => o.At > firstBack.At && o.Status != HttpStatusCode.Accepted).ToList();
        Assert.True(relapse.Count == 0, $"{relapse.Count} refusals after the hub accepted again, the first {relapse.FirstOrDefault()}");
        var unready = readiness.Where(r => r.At > killedAt && r.Status != HttpStatusCode.OK).ToList();
        output.WriteLine(unready.Count == 0
            ? "health/ready never answered other than 200"
            : $"health/ready unready from {(unready[0].At - killedAt).TotalSeconds:0.0} s to {(unready[^1].At - killedAt).TotalSeconds:0.0} s after the kill");

        // Refusals are back-pressure 503s with a code and Retry-After: never a 500, never a dropped connection.
        Assert.All(all.Where(o => o.Status != HttpStatusCode.Accepted), o =>
        {
            Assert.True(o.Status == HttpStatusCode.ServiceUnavailable, $"unexpected answer at {o.At.TotalSeconds:0.0} s: {(int?)o.Status} {o.Text}");
            Assert.Contains(o.Code, RefusalCodes);
            Assert.Equal(TimeSpan.FromSeconds(1), o.RetryAfter);
        });

        // Every push acknowledged (before the kill above all) is on the new primary, with the receipt it was given.
        var acknowledged = Accepted(all).GroupBy(o => o.MessageId).ToDictionary(g => g.Key, g => g.Select(o => o.ReceiptId!.Value).Distinct().ToList());
        Assert.All(acknowledged, a => Assert.Single(a.Value));
        var stored = await InboundBackPressureTests.InboxRowsAsync(databases.ConnectionStringOf(databases.StandbyPort));
        var lost = acknowledged.Where(a => !stored.TryGetValue(a.Value[0], out var messageId) || messageId != a.Key).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged pushes not on the new primary: {string.Join(", ", lost.Take(20))}");
        var beforeKill = Accepted(all).Count(o => o.At < killedAt);
        output.WriteLine($"{acknowledged.Count} pushes acknowledged ({beforeKill} before the kill), all on the new primary ({stored.Count} inbox rows)");

        // Each acknowledged push is delivered, and no evaluation is applied twice at iGate.
        var keys = Accepted(all).Select(o => o.MaHoSo).ToHashSet(StringComparer.Ordinal);
        await Eventually.ReturnsAsync(() => Task.FromResult(keys.Count(sandboxes.IGate.EvaluationWriteCounts().ContainsKey)), n => n == keys.Count, Patience,
            $"the {keys.Count} acknowledged pushes delivered to iGate");
        var stats = sandboxes.IGate.EvaluationStats();
        output.WriteLine($"iGate: {stats.ItemsReceived} items received, {stats.TotalAppliedWrites} applied, {stats.DuplicatesIgnored} repeats recognised by idempotency key, {stats.Rejected} rejected");
        Assert.True(stats.MaxWritesPerKey == 1, $"applied more than once: {string.Join(", ", stats.KeysWrittenMoreThanOnce.Take(20))}");
        Assert.Equal(0, stats.Rejected);

        // Quartz's own connections (the delivery sweep, flow schedules) found the new primary too: its cluster check-in lands there.
        var checkin = await Eventually.ReturnsAsync(() => QuartzCheckInAsync(databases.ConnectionStringOf(databases.StandbyPort)), c => c > promotedAtWallClock, Patience,
            "Quartz checking in on the new primary");
        output.WriteLine($"Quartz checked in on the new primary {(checkin - promotedAtWallClock).TotalSeconds:0.0} s after the promotion");

        // The hub came back by itself: still the same process, ready again.
        Assert.False(hub.HasExited, hub.Output);
        Assert.Equal(HttpStatusCode.OK, (await Eventually.ReturnsAsync(() => ReadyAsync(probe), s => s == HttpStatusCode.OK, Patience, "health/ready after the failover")));
        // What the hub said about it (not the readiness checks' lines, nor the connectors this test serves no sandbox for).
        string[] noise = ["HealthCheck", "onnectivity", "could not be reached", "   |"];
        foreach (var line in hub.Output.Split('\n').Where(l => (l.StartsWith("warn", StringComparison.Ordinal) || l.StartsWith("fail", StringComparison.Ordinal)) && !noise.Any(l.Contains)).Take(40))
        {
            output.WriteLine(line.Length > 300 ? line[..300] : line);
        }
    }

    private static IEnumerable<Outcome> Accepted(IEnumerable<Outcome> outcomes) => outcomes.Where(o => o.Status == HttpStatusCode.Accepted);

    /// <summary>A partner: one evaluation of a fresh dossier at a time, a refused one sent again (same id) until acknowledged.</summary>
    private static async Task PushLoopAsync(HttpClient partner, SandboxPair sandboxes, int worker, Stopwatch clock, ConcurrentQueue<Outcome> outcomes, CancellationToken stop)
    {
        for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            var messageId = $"failover-{worker:00}-{sequence:00000}";
            var maHoSo = sandboxes.IGate.Dossiers.Add();
            while (!stop.IsCancellationRequested)
            {
                var outcome = await PushAsync(partner, messageId, maHoSo, clock);
                outcomes.Enqueue(outcome);
                if (outcome.Status == HttpStatusCode.Accepted)
                {
                    break;
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static async Task<Outcome> PushAsync(HttpClient partner, string messageId, string maHoSo, Stopwatch clock)
    {
        try
        {
            using var response = await partner.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation(messageId, maHoSo)));
            var text = await response.Content.ReadAsStringAsync();
            string? code = null;
            Guid? receipt = null;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                receipt = JsonDocument.Parse(text).RootElement.GetProperty("receiptId").GetGuid();
            }
            else if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                code = JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            }

            return new Outcome(clock.Elapsed, messageId, maHoSo, response.StatusCode, code, response.Headers.RetryAfter?.Delta, receipt, text.Length > 300 ? text[..300] : text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(clock.Elapsed, messageId, maHoSo, null, null, null, null, e.GetType().Name + ": " + e.Message);
        }
    }

    private static async Task WatchReadinessAsync(HttpClient probe, Stopwatch clock, ConcurrentQueue<(TimeSpan, HttpStatusCode?)> readiness, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            readiness.Enqueue((clock.Elapsed, await ReadyAsync(probe)));
            await Task.Delay(250, CancellationToken.None);
        }
    }

    private static async Task<HttpStatusCode?> ReadyAsync(HttpClient probe)
    {
        try
        {
            using var response = await probe.GetAsync("health/ready");
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<DateTimeOffset> QuartzCheckInAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(max(last_checkin_time), 0) from quartz.qrtz_scheduler_state", connection);
        return new DateTimeOffset((long)(await command.ExecuteScalarAsync())!, TimeSpan.Zero); // Quartz.NET keeps UTC ticks
    }
}
