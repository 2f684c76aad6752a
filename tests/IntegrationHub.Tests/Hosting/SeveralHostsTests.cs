using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Execution;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Hosting;

/// <summary>Three hub processes on one PostgreSQL (issue 13, item 4), running the scheduled procedures flow and an
/// inbound load of signed pushes; the host running the flow and its delivery is SIGKILLed mid-delivery. Sandboxes live
/// in the test process, so they outlive the kill and count what each message did. Nothing runs twice for one trigger,
/// nothing is applied twice, no 202 is lost, and the dead host's run and deliveries are taken over within
/// <c>Hub:Takeover:After</c> (measured and printed).</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class SeveralHostsTests(PostgresCluster cluster, ITestOutputHelper output)
{
    // Enough that reading them at the portal's slow pace (80 ms a detail, one at a time) takes minutes: the victim has to
    // hold the run and the delivery lock at once, and the delivery lock can change hosts between drains (CI, loaded).
    private const int Procedures = 2000;
    private static readonly TimeSpan TakeoverAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PatienceForVictim = TimeSpan.FromSeconds(150);
    private static readonly string RunLock = FlowRunner.RunLockName("procedures");
    private static readonly string DeliverLock = DeliveryRunner.DeliverLockName("procedures", "igate:procedures");

    [Fact]
    public async Task Three_hosts_lose_nothing_double_nothing_and_take_over_a_killed_hosts_run_and_deliveries_in_time()
    {
        // Until the kill the portal is slow to read and iGate slower to write, so the first host is mid-read and
        // mid-delivery (a backlog keeps its delivery draining) when it dies; then both speed up.
        var nationalFaults = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(80) };
        var igateFaults = new SandboxFaultOptions { Latency = TimeSpan.FromMilliseconds(1500) };
        await using var sandboxes = await SandboxPair.StartAsync(Procedures, nationalFaults, igateFaults: igateFaults);
        var dossiers = sandboxes.IGate.Dossiers.Generate(3000, 1);
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Flows:procedures:Schedule"] = "0/15 * * * * ?";
        settings["Hub:Takeover:After"] = TakeoverAfter.ToString();
        settings["Hub:Jobs:InvisibilityTimeout"] = InvisibilityTimeout.ToString();
        settings["Connectors:igate:BatchSize"] = "10";
        settings["Connectors:national-portal:PageSize"] = "20";
        settings["Connectors:national-portal:MaxParallelDetails"] = "1";
        var environment = ProcessSettings.AsEnvironment(settings, "Testing");
        var total = Stopwatch.StartNew();
        var workingDirectory = Directory.CreateTempSubdirectory("hub-cwd-").FullName;

        // The first host alone picks up the first scheduled run and its delivery (both drain a backlog, so it keeps
        // their locks); then two more join.
        await using var first = HubProcess.Start(environment, workingDirectory);
        await first.WaitUntilReadyAsync(Patience);
        await Eventually.ReturnsAsync(() => BusyHostAsync(database, [first]), h => h is not null, Patience, "the first host reading the flow and delivering it");
        await using var second = HubProcess.Start(environment, workingDirectory);
        await using var third = HubProcess.Start(environment, workingDirectory);
        HubProcess[] hosts = [first, second, third];
        await Task.WhenAll(second.WaitUntilReadyAsync(Patience), third.WaitUntilReadyAsync(Patience));
        using var load = new InboundLoad(hosts, dossiers);
        var pushing = load.RunAsync();

        // The victim: the host running the flow's source and, at the same moment, its delivery to iGate.
        var busy = await Eventually.ReturnsAsync(
            async () => sandboxes.IGate.Stats().DistinctProcedures >= 20 ? await BusyHostAsync(database, hosts) : null, h => h is not null, PatienceForVictim, "one host reading the flow and delivering it");
        var (victim, deadRun) = busy!.Value;
        var atKill = sandboxes.IGate.Stats().ItemsReceived;
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        load.Dead(victim);
        nationalFaults.Latency = TimeSpan.FromMilliseconds(5);
        igateFaults.Latency = TimeSpan.FromMilliseconds(50);
        Assert.InRange(sandboxes.IGate.Stats().DistinctProcedures, 1, Procedures - 1);

        // Taken over: deliveries move again, the dead run is marked abandoned and the flow runs on from its checkpoint.
        var clock = Stopwatch.StartNew();
        // More than the batch the killed host may have had on the wire (the sandbox counts it when it arrives).
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Stats().ItemsReceived), n => n > atKill + 10, Patience, "iGate receiving again");
        var deliveriesResumed = clock.Elapsed;
        var takeover = await Eventually.ReturnsAsync(() => TakeoverAsync(database, deadRun.Id), t => t is not null, Patience, "the dead run taken over");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await load.StopAsync(pushing);

        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.Stats().DistinctProcedures), n => n == Procedures, Patience, "every procedure at iGate");
        await Eventually.ReturnsAsync(() => Task.FromResult(sandboxes.IGate.EvaluationWriteCounts()), w => load.Acknowledged.Values.All(w.ContainsKey), Patience, "every acknowledged push at iGate");

        // Hangfire fetches the dead host's job again once its invisibility timeout passed; it must do nothing.
        await Eventually.ReturnsAsync(() => ProcessedElsewhereAsync(database, deadRun.JobId, victim.Id), done => done, Patience, "the dead host's job fetched again");

        var (abandonedAt, restartedAt, trigger) = takeover!.Value;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hub:Takeover:After {TakeoverAfter.TotalSeconds} s. Killed host pid {victim.Id} with {atKill} items at iGate. Deliveries resumed after {deliveriesResumed.TotalSeconds:0.0} s; run {deadRun.Id} marked abandoned after {(abandonedAt - killedAt).TotalSeconds:0.0} s; the flow ran again ({trigger}) after {(restartedAt - killedAt).TotalSeconds:0.0} s. {load.Acknowledged.Count} pushes acknowledged, not acknowledged: {load.Refusals}. Test took {total.Elapsed.TotalSeconds:0} s."));

        // Nothing applied twice (a resend after the kill carries the same idempotency key and is ignored).
        var igate = sandboxes.IGate.Stats();
        Assert.Equal(1, igate.MaxWritesPerCode);
        Assert.All(sandboxes.IGate.EvaluationWriteCounts(), w => Assert.Equal(1, w.Value));

        // No 202 lost: every acknowledged push is in the database and was applied at iGate (a push the killed host
        // stored but never answered may be there too: it was not acknowledged, so it is the partner's to resend).
        var applied = sandboxes.IGate.EvaluationWriteCounts();
        Assert.All(load.Acknowledged.Values, dossier => Assert.True(applied.ContainsKey(dossier), $"acknowledged push for {dossier} not applied"));
        Assert.Equal(load.Acknowledged.Count, await InboxCountAsync(database, [.. load.Acknowledged.Keys]));

        // One run per trigger: runs never overlap, each Hangfire job ran at most one run, the dead one is abandoned.
        var runs = await RunsAsync(database);
        Assert.Equal("abandoned", runs.Single(r => r.Id == deadRun.Id).Status);
        Assert.DoesNotContain(runs, r => r.Status == "running" && r.Id <= deadRun.Id);
        Assert.All(runs.Where(r => r.JobId is not null).GroupBy(r => r.JobId), g => Assert.Single(g));
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.First.EndedAt is { } end && end <= pair.Second.StartedAt, $"run {pair.First.Id} overlaps run {pair.Second.Id}"));

        // The taken-over run began within the configured time (and a margin for a busy machine's timers and workers).
        Assert.True(abandonedAt - killedAt <= TakeoverAfter + TimeSpan.FromSeconds(5), $"abandoned after {abandonedAt - killedAt}");
        Assert.True(restartedAt - killedAt <= TakeoverAfter + TimeSpan.FromSeconds(10), $"restarted after {restartedAt - killedAt}");
        Assert.False(second.HasExited || third.HasExited);
    }

    /// <summary>The host now holding both the flow's run lock (reading it) and its delivery lock to iGate (delivering
    /// it, in the wake-up loop or a Hangfire job alike), with its run (read before the kill: other hosts may mark it
    /// abandoned at once after). The locks' holders are PostgreSQL backends; each backend's client port is matched to
    /// the host process owning that socket.</summary>
    private static async Task<(HubProcess Host, (long Id, string JobId) Run)?> BusyHostAsync(string database, HubProcess[] hosts)
    {
        var holders = await LockHolderPortsAsync(database);
        if (!holders.TryGetValue(RunLock, out var readingPort) || !holders.TryGetValue(DeliverLock, out var deliveringPort))
        {
            return null;
        }

        if (hosts.FirstOrDefault(h => !h.HasExited && ProcessTcpPorts.Of(h.Id) is var ports && ports.Contains(readingPort) && ports.Contains(deliveringPort)) is not { } host)
        {
            return null;
        }

        return (await RunsAsync(database)).SingleOrDefault(r => r.Status == "running" && r.JobId is not null) is { } run ? (host, (run.Id, run.JobId!)) : null;
    }

    /// <summary>The client port of the backend holding each of the flow's run and delivery locks (TCP to 127.0.0.1).</summary>
    private static async Task<Dictionary<string, int>> LockHolderPortsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select n.name, a.client_port
            from unnest(@names) n(name)
            join pg_locks l on l.locktype = 'advisory' and l.objsubid = 1 and l.granted
                and l.database = (select oid from pg_database where datname = current_database())
                and ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(n.name, 0)
            join pg_stat_activity a on a.pid = l.pid
            where a.client_port is not null
            """, connection);
        command.Parameters.AddWithValue("names", new[] { RunLock, DeliverLock });
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders[reader.GetString(0)] = reader.GetInt32(1);
        }

        return holders;
    }

    /// <summary>When the dead run was marked abandoned, and when (and by what trigger) the next run of the flow started.</summary>
    private static async Task<(DateTimeOffset AbandonedAt, DateTimeOffset RestartedAt, string Trigger)?> TakeoverAsync(string database, long deadRun)
    {
        var runs = await RunsAsync(database);
        return runs.SingleOrDefault(r => r.Id == deadRun) is { Status: "abandoned", EndedAt: { } abandoned } && runs.FirstOrDefault(r => r.Id > deadRun) is { } next
            ? (abandoned, next.StartedAt, next.Trigger)
            : null;
    }

    private static async Task<List<Run>> RunsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select id, job_id, trigger, status, started_at, ended_at from hub.flow_runs where flow_id = 'procedures' order by id", connection);
        var runs = new List<Run>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(new Run(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return runs;
    }

    /// <summary>Whether a live host's server processed the job again after the dead one, and it then succeeded.</summary>
    private static async Task<bool> ProcessedElsewhereAsync(string database, string jobId, int deadPid)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select s.name, s.data::text from hangfire.state s where s.jobid = @job order by s.id", connection);
        command.Parameters.AddWithValue("job", long.Parse(jobId, CultureInfo.InvariantCulture));
        var states = new List<(string Name, string Data)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states.Add((reader.GetString(0), reader.IsDBNull(1) ? string.Empty : reader.GetString(1)));
        }

        return states.Any(s => s.Name == "Processing" && ServerPid().Match(s.Data) is { Success: true } pid && pid.Groups[1].Value != deadPid.ToString(CultureInfo.InvariantCulture))
            && states[^1].Name == "Succeeded";
    }

    private static async Task<long> InboxCountAsync(string database, string[] messageIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from hub.inbox where partner = 'dvcqg' and partner_message_id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", messageIds);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A Hangfire server's id begins with the hub's server name, <c>machine:pid:suffix</c>.</summary>
    [GeneratedRegex("\"ServerId\"\\s*:\\s*\"[^\":]*:(\\d+):")]
    private static partial Regex ServerPid();

    private sealed record Run(long Id, string? JobId, string Trigger, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

    /// <summary>Signed evaluation pushes, round robin over the live hosts, about 25 a second; one dossier per push so
    /// iGate's per-dossier write count shows a double application.</summary>
    private sealed class InboundLoad(HubProcess[] hosts, IReadOnlyList<string> dossiers) : IDisposable
    {
        private readonly HttpClient[] _clients = [.. hosts.Select(h => new HttpClient(new PartnerSigningHandler(TestHub.InboundPartnerKey, TestHub.InboundPartnerSecret))
            { BaseAddress = h.BaseAddress, Timeout = TimeSpan.FromSeconds(10) })];

        private readonly ConcurrentDictionary<int, bool> _dead = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);

        /// <summary>Acknowledged (202) message id → its dossier.</summary>
        public ConcurrentDictionary<string, string> Acknowledged { get; } = new(StringComparer.Ordinal);

        /// <summary>Pushes not acknowledged, by answer (or the exception of one never answered).</summary>
        public string Refusals => _refusals.IsEmpty ? "none" : string.Join(", ", _refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));

        public void Dead(HubProcess host) => _dead[Array.IndexOf(hosts, host)] = true;

        public async Task RunAsync()
        {
            var sent = 0;
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(40));
            while (await pace.WaitForNextTickAsync(CancellationToken.None) && !_stop.IsCancellationRequested && sent < dossiers.Count)
            {
                var host = sent % hosts.Length;
                if (_dead.ContainsKey(host) || hosts[host].HasExited)
                {
                    sent++;
                    continue;
                }

                var messageId = $"hosts-{sent}";
                var dossier = dossiers[sent++];
                _ = SendAsync(_clients[host], messageId, dossier);
            }
        }

        public async Task StopAsync(Task running)
        {
            await _stop.CancelAsync();
            await running;

            // Pushes still in flight finish or time out.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        public void Dispose()
        {
            _stop.Dispose();
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        private async Task SendAsync(HttpClient client, string messageId, string dossier)
        {
            try
            {
                using var response = await client.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(InboundRestTests.Evaluation(messageId, dossier)));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Acknowledged[messageId] = dossier;
                    return;
                }

                _refusals.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The killed host never answered: not acknowledged, so not the hub's to keep.
                _refusals.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            }
        }
    }
}
