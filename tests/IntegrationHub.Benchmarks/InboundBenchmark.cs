using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>Inbound mode: the hub's accept rate for signed 1 KB pushes (durable before 202), against pgbench's
/// single-row INSERT rate on the same PostgreSQL server in the same run. One host process (Release, Development,
/// sandboxes off, no flows, its own embedded PostgreSQL with fsync on): pgbench first, then the load client.</summary>
internal static class InboundBenchmark
{
    public const double TargetMessagesPerSecond = 10_000;
    public const double TargetRatio = 0.45;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    /// <returns>0 when every 202 is a row in hub.inbox and nothing but 202 came back, 1 otherwise.</returns>
    public static async Task<int> RunAsync(InboundBenchOptions options, CancellationToken cancellationToken)
    {
        var hostDll = HostLocator.Find(options.HostDll);
        Console.WriteLine($"inbound: {options.Connections} connections, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured; " +
            (options.SkipPgbench ? "pgbench skipped" : $"pgbench {options.PgbenchSeconds} s with {options.Connections} clients") +
            $"; {Environment.ProcessorCount} CPUs; {MachineInfo.MemoryTotal()} RAM; .NET {Environment.Version}; timeout {options.Timeout.TotalMinutes} min");

        using var folder = BenchFolder.Create();
        var hubUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var hub = new HttpClient { BaseAddress = hubUrl, Timeout = TimeSpan.FromSeconds(10) };
        var settings = Settings(hostDll, options, folder, hubUrl);
        Console.WriteLine($"HOST: {hostDll} in {folder.Root} (log {folder.HostLog}); settings: " +
            string.Join(", ", settings.Where(s => s.Key.StartsWith("Inbound__", StringComparison.Ordinal)).Select(s => $"{s.Key}={s.Value}")
                .DefaultIfEmpty("Inbound defaults")));

        await using var host = HostProcess.Start(hostDll, folder, settings);
        var cluster = new EmbeddedCluster(folder.PgData);
        try
        {
            var ready = await HubWaits.ReadyAsync(hub, Stopwatch.StartNew(), cancellationToken);
            Console.WriteLine($"HOST: /health/ready after {ready.TotalSeconds:N1} s; embedded PostgreSQL fsync = {await ShowAsync(folder, "fsync", cancellationToken)}, " +
                $"synchronous_commit = {await ShowAsync(folder, "synchronous_commit", cancellationToken)}");

            PgbenchResult? pgbench = null;
            if (!options.SkipPgbench)
            {
                pgbench = await PgbenchBaseline.RunAsync(folder, host.Pid, options.Connections, options.PgbenchSeconds, cancellationToken);
                Console.WriteLine(pgbench);
            }

            using var sampler = new MemorySampler(host.Pid, cluster);
            CpuSnapshot? cpuStart = null;
            CpuUse? cpu = null;
            var machineStart = 0.0;
            var machineBusy = 0.0;
            var childStart = 0.0;
            Task AtWindowStart()
            {
                cpuStart = CpuSnapshot.Take(host.Pid, cluster);
                machineStart = MachineCpu.BusySeconds();
                childStart = ChildCpu.Seconds();
                return Task.CompletedTask;
            }

            Task AtWindowEnd()
            {
                // wrk is a child that has exited by now: its CPU is the load client's.
                cpu = CpuSnapshot.Take(host.Pid, cluster).Since(cpuStart!);
                cpu = cpu with { Benchmark = cpu.Benchmark + (ChildCpu.Seconds() - childStart) };
                machineBusy = MachineCpu.BusySeconds() - machineStart;
                return Task.CompletedTask;
            }

            var useWrk = options.Load == "wrk" || (options.Load == "auto" && InboundWrkLoad.Available);
            Console.WriteLine(useWrk
                ? $"LOAD: wrk (/usr/bin/wrk, 2 threads), {options.Connections} connections, requests signed beforehand ({options.WrkRate:N0}/s of run)"
                : $"LOAD: .NET HttpClient, {options.Connections} connections, signing each request as it goes" + (InboundWrkLoad.Available ? "" : " (wrk not installed: apt-get install -y wrk)"));
            var load = useWrk
                ? await InboundWrkLoad.RunAsync(hubUrl, options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds),
                    options.WrkRate, folder.Root, AtWindowStart, AtWindowEnd, cancellationToken)
                : await new InboundLoadClient(hubUrl, options.Connections).RunAsync(
                    TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds), AtWindowStart, AtWindowEnd, cancellationToken);
            if (host.HasExited)
            {
                throw new BenchmarkException($"The host exited during the run with code {host.ExitCode}.");
            }

            var inbox = await InboxCountsAsync(folder, cancellationToken);
            var memory = sampler.Peaks();
            var exited = await host.StopAsync(StopTimeout);
            var problems = host.Log.Problems();
            return Report(options, pgbench, load, cpu!, machineBusy, inbox, memory, exited ? host.ExitCode : null, problems);
        }
        catch
        {
            host.PrintTails(Path.Combine(folder.PostgresFolder, "postgres.log"));
            throw;
        }
    }

    private static Dictionary<string, string> Settings(string hostDll, InboundBenchOptions options, BenchFolder folder, Uri hubUrl)
    {
        // No flows (the host's own sandboxes only sit idle): nothing in the host competes with the gateway. The evaluations
        // flow being disabled, its messages wait in the inbox (so the depth limit is lifted): this measures the accept path
        // alone. The portal and iGate connectors point at a closed port.
        var nowhere = new Uri("http://127.0.0.1:9/");
        var settings = HostSettings.Common(hostDll, [], nowhere, nowhere, folder, hubUrl);

        settings["Inbound__MaxInboxDepth"] = "100000000";
        if (options.Writers is { } writers)
        {
            settings["Inbound__Writers"] = writers.ToString(CultureInfo.InvariantCulture);
        }

        if (options.CommitBatchSize is { } batch)
        {
            settings["Inbound__CommitBatchSize"] = batch.ToString(CultureInfo.InvariantCulture);
        }

        if (options.MaxQueuedRequests is { } queued)
        {
            settings["Inbound__MaxQueuedRequests"] = queued.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in options.HostSettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static int Report(InboundBenchOptions options, PgbenchResult? pgbench, InboundLoadResult load, CpuUse cpu, double machineBusy, InboxCounts inbox, MemoryPeaks memory, int? exitCode, IReadOnlyList<string> problems)
    {
        var available = Environment.ProcessorCount * cpu.Wall.TotalSeconds;
        var total = cpu.Host + cpu.Postgres + cpu.Benchmark;
        var perMessageUs = load.WindowAccepted > 0 ? 1e6 / load.WindowAccepted : double.NaN;
        Console.WriteLine(string.Join('\n',
            $"HUB: {load.MessagesPerSecond:N0} msgs/s accepted (202) over {load.Window.TotalSeconds:N1} s with {load.Connections} connections; " +
                $"latency p50 {load.P50Ms:N2} ms, p99 {load.P99Ms:N2} ms ({(double.IsNaN(load.P999Ms) ? "" : $"p99.9 {load.P999Ms:N2} ms, ")}max {load.MaxMs:N1} ms)",
            $"  signed 1,024-byte JSON pushes to POST /api/inbound/{InboundLoadClient.Partner}/{InboundLoadClient.MessageType}, each with a fresh nonce and a distinct messageId",
            $"  answers in the window: {load.WindowAccepted:N0} x 202, {load.WindowOther:N0} other; whole run (warm-up, window, drain): {load.TotalAccepted:N0} x 202 " +
                $"({load.TotalReplayed:N0} marked Idempotent-Replayed), {load.Total503:N0} x 503, {load.TotalOther:N0} other non-202, {load.Exceptions:N0} transport errors" +
                (load.OtherStatuses.Count > 0 ? $" [{string.Join(", ", load.OtherStatuses.Select(s => $"{s.Key}: {s.Value:N0}"))}]" : ""),
            $"  CPU in the window: host {cpu.Host:N1} s, PostgreSQL {cpu.Postgres:N1} s, load client {cpu.Benchmark:N1} s = {total / available:P0} of {available:N1} CPU-s " +
                $"({Environment.ProcessorCount} CPUs x {cpu.Wall.TotalSeconds:N1} s); per accepted message: host {cpu.Host * perMessageUs:N0} us, " +
                $"PostgreSQL {cpu.Postgres * perMessageUs:N0} us, load client {cpu.Benchmark * perMessageUs:N0} us",
            $"  machine: {machineBusy:N1} CPU-s busy in the window, of which {Math.Max(0, machineBusy - total):N1} s by other processes (builds, tests, the kernel)" +
                (machineBusy - total > 0.1 * available ? " -- WARNING: the machine was shared, the figures are low" : ""),
            "  NOTE: the load client runs on the same 2 cores as the hub and its PostgreSQL: its CPU is taken from them.",
            $"  memory: {memory}",
            $"  host shutdown: exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "(still running)"}; host log: {problems.Count} warn/fail/crit entries"));
        foreach (var problem in problems.Take(10))
        {
            Console.WriteLine($"    {problem}");
        }

        foreach (var sample in load.Samples)
        {
            Console.WriteLine($"  sample non-202: {sample}");
        }

        // Every 202 must be a row. wrk stops at its deadline with up to one request per connection in flight: those may be
        // stored without the client seeing the 202 (never the other way round), so rows may exceed 202s by that much.
        var acknowledged = load.TotalAccepted - load.TotalReplayed;
        var unseen = inbox.Rows - acknowledged;
        var durable = unseen == 0 || (load.InFlightAtStop > 0 && unseen > 0 && unseen <= load.InFlightAtStop);
        Console.WriteLine($"DURABILITY: hub.inbox holds {inbox.Rows:N0} rows ({inbox.States}); the hub answered 202 (not replayed) {acknowledged:N0} times: " +
            (unseen == 0 ? "equal" : durable ? $"every 202 is a row; {unseen:N0} more rows were committed for requests in flight when the load generator stopped (at most {load.InFlightAtStop:N0})" : "MISMATCH"));

        var rateMet = load.MessagesPerSecond >= TargetMessagesPerSecond;
        var line = $"TARGET >= {TargetMessagesPerSecond:N0} msgs/s: {(rateMet ? "met" : "NOT met")} ({load.MessagesPerSecond:N0})";
        if (pgbench is not null)
        {
            var ratio = load.MessagesPerSecond / pgbench.Tps;
            line += $"\nRATIO hub/pgbench: {ratio:N2} ({load.MessagesPerSecond:N0} msgs/s / {pgbench.Tps:N0} single-row inserts/s; target >= {TargetRatio:N2}: {(ratio >= TargetRatio ? "met" : "NOT met")})";
        }

        Console.WriteLine(line);
        var clean = durable && load.Total503 == 0 && load.TotalOther == 0 && load.Exceptions == 0;
        Console.WriteLine(clean ? "OK: every 202 is a row in hub.inbox, and every request got 202" : "FAILED: see the error counts and the durability line above");
        return clean ? 0 : 1;
    }

    private static async Task<string> ShowAsync(BenchFolder folder, string setting, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(HubDatabase.ConnectionString(folder));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"show {setting}", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<InboxCounts> InboxCountsAsync(BenchFolder folder, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(HubDatabase.ConnectionString(folder));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select (select count(*) from hub.inbox), (select count(*) from hub.inbox_unrouted)", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var rows = reader.GetInt64(0);
        return new InboxCounts(rows, $"{rows:N0} stored, {reader.GetInt64(1):N0} not yet taken by the router");
    }

    private sealed record InboxCounts(long Rows, string States);
}
