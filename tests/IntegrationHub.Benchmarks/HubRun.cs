using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>The hub syncing the catalogue sandbox to sandbox: the host as a child process with its own embedded PostgreSQL
/// (fsync on), the sandboxes in this process, the procedures flow started on start.</summary>
internal static class HubRun
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task<HubResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var hostDll = HostLocator.Find(options.HostDll);
        await using var sandboxes = await SandboxPair.StartAsync(options.Procedures, cancellationToken);
        using var folder = BenchFolder.Create();
        var hubUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var hub = new HttpClient { BaseAddress = hubUrl, Timeout = TimeSpan.FromSeconds(10) };
        Console.WriteLine($"HUB: starting {hostDll} in {folder.Root} (log {folder.HostLog}){(options.HostSettings.Count == 0 ? "" : $", with {string.Join(", ", options.HostSettings.Select(s => $"{s.Key}={s.Value}"))}")}");

        // Disposed in reverse: the sampler, then the host (and any PostgreSQL it left), then the folder, then the sandboxes.
        var clock = Stopwatch.StartNew();
        var settings = HostSettings.For(hostDll, sandboxes, folder, hubUrl);
        foreach (var (key, value) in options.HostSettings)
        {
            settings[key] = value;
        }

        await using var host = HostProcess.Start(hostDll, folder, settings);
        var cluster = new EmbeddedCluster(folder.PgData);
        using var sampler = new MemorySampler(host.Pid, cluster);
        using var stopReadyPoll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = HubWaits.ReadyAsync(hub, clock, stopReadyPoll.Token);
        try
        {
            await HubWaits.UntilAsync(host, () => sandboxes.Portal.Stats.ListCalls > 0, TimeSpan.FromMilliseconds(20), null, cancellationToken);
            var firstListAt = clock.Elapsed;
            Console.WriteLine($"HUB: first list call {firstListAt.TotalSeconds:N2} s after the host process started");
            var cpuAtStart = CpuSnapshot.Take(host.Pid, cluster);
            var machineAtStart = MachineCpu.BusySeconds();
            var sync = Stopwatch.StartNew();
            var lastProgress = TimeSpan.Zero;
            // A count, not Stats(): that walks all keys under the lock iGate's writes take, ten times a second.
            await HubWaits.UntilAsync(host, () => sandboxes.IGate.ProcedureCount() >= options.Procedures, TimeSpan.FromMilliseconds(100), () =>
            {
                if (sync.Elapsed - lastProgress >= ProgressEvery)
                {
                    lastProgress = sync.Elapsed;
                    Console.WriteLine($"  {sync.Elapsed.TotalSeconds,6:N0} s: {sandboxes.IGate.ProcedureCount():N0} procedures in iGate, {sandboxes.Portal.Stats.DetailCalls:N0} read from the portal");
                }
            }, cancellationToken);
            sync.Stop();
            var completedAt = clock.Elapsed;
            var cpu = CpuSnapshot.Take(host.Pid, cluster).Since(cpuAtStart);
            var otherCpu = MachineCpu.BusySeconds() - machineAtStart - cpu.Host - cpu.Postgres - cpu.Benchmark;

            if (options.HostSettings.Any(s => s.Key == "Hub__Evidence__Enabled" && s.Value == "true"))
            {
                Console.WriteLine($"HUB: {await EvidenceBacklog.DrainedAsync(folder, cancellationToken)}");
            }

            var flow = await HubWaits.SettledAsync(host, hub, cancellationToken);
            var check = sandboxes.Check();
            var memory = sampler.Peaks();
            var stopping = Stopwatch.StartNew();
            var exited = await host.StopAsync(StopTimeout);
            stopping.Stop();
            var postgresLeft = cluster.PostmasterPid is not null;
            return new HubResult(
                new RunResult("HUB", options.Procedures, sync.Elapsed, check),
                ready.IsCompletedSuccessfully ? ready.Result : null,
                firstListAt,
                completedAt,
                memory,
                cpu,
                flow,
                stopping.Elapsed,
                exited ? host.ExitCode : null,
                postgresLeft,
                host.Log.Problems(),
                Math.Max(0, otherCpu));
        }
        catch
        {
            host.PrintTails(Path.Combine(folder.PostgresFolder, "postgres.log"));
            throw;
        }
        finally
        {
            await stopReadyPoll.CancelAsync();
        }
    }
}
