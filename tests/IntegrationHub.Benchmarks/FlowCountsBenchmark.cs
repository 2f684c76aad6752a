using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>History mode (issue 12 item 4, issue 13 item 3): what an operator and the delivery jobs do, timed on an empty hub,
/// then on the same hub after seeding millions of messages and deliveries of history (binary COPY, spread over the year's
/// monthly partitions), and the ratio: <c>GET /api/flows</c> (and the hourly activity), a business-key search
/// (<c>GET /api/messages?businessKey=</c>), the dashboard pages (flows, messages by key, dead letters) and the claim of due
/// deliveries. One host process (Release, Development for the loopback admin API and dashboard, sandboxes off, its own
/// embedded PostgreSQL) with nothing to do: no flow is due before 2099, the due deliveries added for the claim are never
/// enqueued (the periodic sweeps are a day apart), so only the requests run while they are timed.</summary>
internal static class FlowCountsBenchmark
{
    public const double TargetMs = 50;
    private const string FlowsPath = "api/flows";
    private const string ActivityPath = "api/flows/activity?window=7d";
    private const int DueMessages = 200;
    private const string SearchedKey = DueDeliveries.KeyPrefix + "0007";

    /// <summary>What is timed, by name: the API and dashboard pages (GET over HTTP) and the claim (SQL).</summary>
    private static readonly (string Name, string Path)[] Pages =
    [
        ("GET /" + FlowsPath, FlowsPath),
        ("GET /" + ActivityPath, ActivityPath),
        ("GET /api/messages?businessKey= (search)", "api/messages?businessKey=" + SearchedKey),
        ("GET /hangfire/flows", "hangfire/flows"),
        ("GET /hangfire/messages?businessKey=", "hangfire/messages?businessKey=" + SearchedKey),
        ("GET /hangfire/dead-letters", "hangfire/dead-letters"),
    ];

    private const string ClaimName = "claim of 100 due deliveries (SQL, DeliveryStore's)";
    private const string PartitionWalkClaimName = "reference: the claim before 0030 (partition walk)";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What <c>GET /api/flows</c> computed before the counters (issue 12 item 4), for reference on the same data.</summary>
    private const string CountStarSql =
        """
        select
            (select count(*) from hub.messages where flow_id = @flow),
            count(*) filter (where d.status = 'delivered'), count(*) filter (where d.status = 'skipped'),
            count(*) filter (where d.status = 'pending' and d.attempts > 0), count(*) filter (where d.status = 'dead'),
            count(*) filter (where d.status in ('pending', 'waiting')), count(*) filter (where d.status = 'waiting')
        from hub.deliveries d where d.flow_id = @flow
        """;

    /// <returns>0 when the hub's counts equal what was seeded, 1 otherwise.</returns>
    public static async Task<int> RunAsync(FlowCountsBenchOptions options, CancellationToken cancellationToken)
    {
        var hostDll = HostLocator.Find(options.HostDll);
        var flows = ConfiguredFlows.Load(hostDll);
        Console.WriteLine($"flow-counts: {options.Messages:N0} messages of history over {flows.Flows.Count} flows; {options.Requests} timed requests per " +
            $"phase after {options.Warmup} untimed; {Environment.ProcessorCount} CPUs; {MachineInfo.MemoryTotal()} RAM; .NET {Environment.Version}; timeout {options.Timeout.TotalMinutes} min");

        using var folder = BenchFolder.Create();
        var hubUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var hub = new HttpClient { BaseAddress = hubUrl, Timeout = TimeSpan.FromSeconds(60) };
        Console.WriteLine($"HOST: {hostDll} in {folder.Root} (log {folder.HostLog})");
        await using var host = HostProcess.Start(hostDll, folder, Settings(hostDll, flows, folder, hubUrl));
        var cluster = new EmbeddedCluster(folder.PgData);
        try
        {
            var ready = await ReadyAsync(host, hub, cancellationToken);
            Console.WriteLine($"HOST: /health/ready after {ready.TotalSeconds:N1} s");
            var database = HubDatabase.ConnectionString(folder);
            var dueFlow = flows.Flows.First(f => f.Destinations.Count > 0);
            // The due pair's delivery locks are held here, as by a delivery under way on another host: the hub's
            // wake-ups and delivery sweep find them taken and leave the due deliveries alone, due for every timed claim.
            await using var held = await DeliveryLocks.HoldAsync(database, dueFlow.Id, dueFlow.Destinations, cancellationToken);
            await DueDeliveries.AddAsync(database, dueFlow, DueMessages, cancellationToken);
            var empty = await MeasureAsync("EMPTY", hub, host, cluster, database, dueFlow, options, cancellationToken);

            var seeding = Stopwatch.StartNew();
            var seeded = await HistorySeeder.SeedAsync(database, flows, options.Messages, options.Chunk,
                seeded => Console.WriteLine($"  seeded {seeded:N0} messages and their deliveries ({seeded / seeding.Elapsed.TotalSeconds:N0} messages/s)"),
                cancellationToken);
            var expected = seeded.ToDictionary(p => p.Key, p => p.Value.ToArray());
            expected[dueFlow.Id][0] += DueMessages;
            expected[dueFlow.Id][5] += DueMessages * dueFlow.Destinations.Count;
            var deliveries = await ScalarAsync(database, "select count(*) from hub.deliveries", cancellationToken);
            Console.WriteLine($"SEED: {options.Messages:N0} messages with {deliveries:N0} deliveries by binary COPY in {seeding.Elapsed.TotalMinutes:N1} min");
            var settle = Stopwatch.StartNew();
            foreach (var table in new[] { "hub.messages", "hub.deliveries", "hub.flow_counters", "hub.flow_activity", "hub.open_deliveries" })
            {
                // Vacuumed now so autovacuum does not pick these tables during the timed requests.
                await ExecuteAsync(database, $"vacuum (analyze) {table}", cancellationToken);
            }

            await ExecuteAsync(database, "checkpoint", cancellationToken);
            Console.WriteLine($"SEED: vacuum, analyze and checkpoint in {settle.Elapsed.TotalSeconds:N0} s; database {await ScalarTextAsync(database, "select pg_size_pretty(pg_database_size(current_database()))", cancellationToken)}");

            var mismatches = await CompareCountsAsync(hub, expected, cancellationToken);
            Console.WriteLine(mismatches.Count == 0
                ? $"COUNTS: GET /api/flows reports exactly what was seeded for all {flows.Flows.Count} flows"
                : $"COUNTS: MISMATCH {string.Join("; ", mismatches)}");

            Console.WriteLine($"SEED: {await ScalarAsync(database, "select count(*) from hub.history_partitions where dropped_at is null", cancellationToken)} history partitions; " +
                $"{await ScalarAsync(database, "select count(*) from hub.open_deliveries", cancellationToken):N0} open deliveries " +
                $"({await ScalarAsync(database, "select count(*) from hub.open_deliveries where status = 'dead'", cancellationToken):N0} dead letters)");
            var full = await MeasureAsync($"HISTORY {options.Messages:N0}", hub, host, cluster, database, dueFlow, options, cancellationToken);
            Console.WriteLine($"RATIO history/empty ({options.Messages:N0} messages vs none; median and p99):");
            foreach (var (name, timings) in full)
            {
                Console.WriteLine($"  {name}: median {timings.MedianMs / empty[name].MedianMs:N2}x ({empty[name].MedianMs:N2} -> {timings.MedianMs:N2} ms), " +
                    $"p99 {timings.P99Ms / empty[name].P99Ms:N2}x ({empty[name].P99Ms:N2} -> {timings.P99Ms:N2} ms)");
            }

            var flowsTimings = full[Pages[0].Name];
            Console.WriteLine($"TARGET GET /api/flows < {TargetMs:N0} ms whatever the history: {(flowsTimings.P99Ms < TargetMs ? "met" : "NOT met")} " +
                $"(p99 {flowsTimings.P99Ms:N2} ms with {options.Messages:N0} messages, {empty[Pages[0].Name].P99Ms:N2} ms empty)");

            var before = await CountStarAsync(database, flows, cancellationToken);
            Console.WriteLine($"REFERENCE: the count(*) per flow that GET /api/flows ran before, on the same data in PostgreSQL: {before.TotalMilliseconds:N0} ms for all {flows.Flows.Count} flows, one pass");

            var exited = await host.StopAsync(StopTimeout);
            var problems = host.Log.Problems();
            Console.WriteLine($"HOST: shutdown exit code {(exited ? host.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(still running)")}; host log: {problems.Count} warn/fail/crit entries");
            foreach (var problem in problems.Take(10))
            {
                Console.WriteLine($"    {problem}");
            }

            Console.WriteLine(mismatches.Count == 0 ? "OK: the counters equal the seeded history" : "FAILED: see the COUNTS line above");
            return mismatches.Count == 0 ? 0 : 1;
        }
        catch
        {
            host.PrintTails(Path.Combine(folder.PostgresFolder, "postgres.log"));
            throw;
        }
    }

    private static Dictionary<string, string> Settings(string hostDll, ConfiguredFlows flows, BenchFolder folder, Uri hubUrl)
    {
        // The portal and iGate connectors point at a closed port, the others at the host's idle sandboxes: nothing calls
        // them (nothing is due).
        var nowhere = new Uri("http://127.0.0.1:9/");
        var settings = HostSettings.Common(hostDll, [.. flows.Flows.Select(f => f.Id)], nowhere, nowhere, folder, hubUrl);
        foreach (var flow in flows.Flows)
        {
            settings[$"Flows__{flow.Id}__RunOnStart"] = "false";
            if (flow.Scheduled)
            {
                settings[$"Flows__{flow.Id}__Schedule"] = HostSettings.Never;
            }
        }

        settings["Hub__Delivery__SweepInterval"] = "1.00:00:00";
        settings["Alerts__SweepInterval"] = "1.00:00:00";
        settings["Alerts__DigestSchedule"] = HostSettings.Never;
        settings["Payments__QuerySchedule"] = HostSettings.Never;
        settings["Payments__ReconcileSchedule"] = HostSettings.Never;
        settings["Hub__Attachments__CleanupSchedule"] = HostSettings.Never;
        settings["Hub__Metrics__SampleInterval"] = "1.00:00:00";
        // The timed requests only read; the seeding writes gigabytes, faster without fsync.
        settings["Hub__EmbeddedPostgres__Fsync"] = "false";
        return settings;
    }

    /// <summary>Readiness, failing at once (with the host's log tail) if the host exits instead, e.g. refusing its configuration.</summary>
    private static async Task<TimeSpan> ReadyAsync(HostProcess host, HttpClient hub, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = HubWaits.ReadyAsync(hub, Stopwatch.StartNew(), stop.Token);
        while (!ready.IsCompleted)
        {
            if (host.HasExited)
            {
                await stop.CancelAsync();
                throw new BenchmarkException($"The host exited with code {host.ExitCode} before it was ready.");
            }

            await Task.WhenAny(ready, Task.Delay(200, cancellationToken));
        }

        return await ready;
    }

    private static async Task<Dictionary<string, RequestTimings>> MeasureAsync(
        string name, HttpClient hub, HostProcess host, EmbeddedCluster cluster, string database,
        (string Id, IReadOnlyList<string> Destinations, bool Scheduled) dueFlow, FlowCountsBenchOptions options, CancellationToken cancellationToken)
    {
        var jobs = await ScalarAsync(database, "select count(*) from hangfire.job", cancellationToken);
        var runs = await ScalarAsync(database, "select count(*) from hub.flow_runs", cancellationToken);
        var cpuStart = CpuSnapshot.Take(host.Pid, cluster);
        var machineStart = MachineCpu.BusySeconds();
        var timings = new Dictionary<string, RequestTimings>(StringComparer.Ordinal);
        foreach (var (page, path) in Pages)
        {
            timings[page] = await RequestTimings.MeasureAsync(hub, path, options.Warmup, options.Requests, cancellationToken);
        }

        timings[ClaimName] = await DueDeliveries.TimeClaimAsync(database, DueDeliveries.ClaimSql, dueFlow, options.Warmup, options.Requests, cancellationToken);
        timings[PartitionWalkClaimName] = await DueDeliveries.TimeClaimAsync(
            database, DueDeliveries.PartitionWalkClaimSql, dueFlow, options.Warmup, options.Requests, cancellationToken);
        var cpu = CpuSnapshot.Take(host.Pid, cluster).Since(cpuStart);
        var others = MachineCpu.BusySeconds() - machineStart - cpu.Host - cpu.Postgres - cpu.Benchmark;
        var newJobs = await ScalarAsync(database, "select count(*) from hangfire.job", cancellationToken) - jobs;
        var newRuns = await ScalarAsync(database, "select count(*) from hub.flow_runs", cancellationToken) - runs;
        var bytes = (await hub.GetByteArrayAsync(FlowsPath, cancellationToken)).Length;
        Console.WriteLine($"{name}: (GET /{FlowsPath}: {bytes:N0} bytes)");
        foreach (var (page, timing) in timings)
        {
            Console.WriteLine($"  {page}: {timing}");
        }

        Console.WriteLine(
            $"  meanwhile: {newJobs} Hangfire jobs and {newRuns} flow runs started; CPU host {cpu.Host:N1} s, PostgreSQL {cpu.Postgres:N1} s, " +
                $"this process {cpu.Benchmark:N1} s, other processes {Math.Max(0, others):N1} s over {cpu.Wall.TotalSeconds:N1} s wall " +
                $"(load average after: {File.ReadAllText("/proc/loadavg").Split(' ')[0]})" +
                (others > 0.25 * Environment.ProcessorCount * cpu.Wall.TotalSeconds ? " -- WARNING: the machine was busy with other work" : ""));
        return timings;
    }

    private static async Task<List<string>> CompareCountsAsync(HttpClient hub, IReadOnlyDictionary<string, long[]> expected, CancellationToken cancellationToken)
    {
        var listed = JsonNode.Parse(await hub.GetStringAsync(FlowsPath, cancellationToken))!.AsArray()
            .ToDictionary(f => (string)f!["id"]!, f => f!["counts"]!);
        var mismatches = new List<string>();
        foreach (var (flow, counts) in expected)
        {
            if (!listed.TryGetValue(flow, out var reported))
            {
                mismatches.Add($"{flow}: not listed");
                continue;
            }

            mismatches.AddRange(HistorySeeder.CountNames
                .Select((count, i) => (count, seeded: counts[i], reported: (long)reported[count]!))
                .Where(c => c.seeded != c.reported)
                .Select(c => $"{flow} {c.count}: seeded {c.seeded:N0}, reported {c.reported:N0}"));
        }

        return mismatches;
    }

    private static async Task<TimeSpan> CountStarAsync(string database, ConfiguredFlows flows, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var flow in flows.Flows)
        {
            await using var command = new NpgsqlCommand(CountStarSql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("flow", flow.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
        }

        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(string database, string sql, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarObjectAsync(database, sql, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> ScalarTextAsync(string database, string sql, CancellationToken cancellationToken) =>
        (string)(await ScalarObjectAsync(database, sql, cancellationToken))!;

    private static async Task<object?> ScalarObjectAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
