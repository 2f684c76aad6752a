using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>One dossier sync, iGate sandbox → hub (child process, own embedded PostgreSQL with fsync on) → National
/// Portal sandbox. The hub runs both flows on start; the baseline (one job per message) runs the dossiers flow on
/// start and the progress flow once the portal holds every dossier (see <see cref="DossierHostSettings"/>).</summary>
internal static class DossierRun
{
    private static readonly string[] Flows = ["dossiers", "progress"];
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HubPollEvery = TimeSpan.FromSeconds(2);

    public static async Task<DossierRunResult> RunAsync(string name, int changes, bool jobPerMessage, string hostDll, CancellationToken cancellationToken)
    {
        var statusMap = StatusMapFile.Load(hostDll);
        await using var sandboxes = await DossierSandboxes.StartAsync(changes, cancellationToken);
        using var folder = BenchFolder.Create();
        var hubUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var hub = new HttpClient { BaseAddress = hubUrl, Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine($"{name}: iGate holds {sandboxes.Expected.Dossiers:N0} dossiers with {sandboxes.Expected.ProgressEntries:N0} progress entries; " +
            $"starting the host in {folder.Root} (log {folder.HostLog})");

        // Disposed in reverse: the host (and any PostgreSQL it left), then the folder, then the sandboxes.
        await using var host = HostProcess.Start(hostDll, folder, DossierHostSettings.For(hostDll, sandboxes, folder, hubUrl, jobPerMessage));
        var cluster = new EmbeddedCluster(folder.PgData);
        try
        {
            await HubWaits.ReadyAsync(hub, Stopwatch.StartNew(), cancellationToken);
            var cpuAtReady = CpuSnapshot.Take(host.Pid, cluster);
            var complete = await WaitForPortalAsync(name, host, hub, sandboxes, progressAfterDossiers: jobPerMessage, cancellationToken);
            var doneAt = DateTimeOffset.UtcNow;
            var cpu = CpuSnapshot.Take(host.Pid, cluster).Since(cpuAtReady);

            var dossier = await HubWaits.SettledAsync(host, hub, Flows[0], cancellationToken);
            var progress = await HubWaits.SettledAsync(host, hub, Flows[1], cancellationToken);
            var (runsStarted, latency) = await HubDatabase.ReadAsync(folder, Flows, cancellationToken);
            var check = DossierCheck.Of(sandboxes, statusMap);
            var exited = await host.StopAsync(StopTimeout);
            return new DossierRunResult(
                name,
                sandboxes.Expected.Dossiers,
                sandboxes.Expected.ProgressEntries,
                dossier.Received + progress.Received,
                doneAt - runsStarted,
                jobPerMessage,
                complete,
                latency,
                check,
                dossier,
                progress,
                cpu,
                exited ? host.ExitCode : null,
                host.Log.Problems());
        }
        catch
        {
            host.PrintTails(Path.Combine(folder.PostgresFolder, "postgres.log"));
            throw;
        }
    }

    /// <summary>Polls the portal sandbox (in process, cheap) every 50 ms, the hub every 2 s (printing progress every 10 s).</summary>
    /// <param name="progressAfterDossiers">Start the progress flow (POST /api/flows/progress/run) once the portal holds every dossier.</param>
    /// <returns>True when the portal holds everything; false when the hub settled (runs ended, nothing pending) first.</returns>
    private static async Task<bool> WaitForPortalAsync(
        string name, HostProcess host, HttpClient hub, DossierSandboxes sandboxes, bool progressAfterDossiers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan lastPoll = TimeSpan.Zero, lastPrint = TimeSpan.Zero;
        while (!sandboxes.Complete)
        {
            if (host.HasExited)
            {
                throw new BenchmarkException($"The host exited early with code {host.ExitCode}.");
            }

            if (progressAfterDossiers && sandboxes.Portal.DossierStats.DossierCount >= sandboxes.Expected.Dossiers)
            {
                progressAfterDossiers = false;
                using var started = await hub.PostAsync($"api/flows/{Flows[1]}/run", null, cancellationToken);
                Console.WriteLine($"  {name} {clock.Elapsed.TotalSeconds,5:N0} s: every dossier is in the portal; progress flow started: {(int)started.StatusCode}");
                started.EnsureSuccessStatusCode();
            }

            if (clock.Elapsed - lastPoll >= HubPollEvery)
            {
                lastPoll = clock.Elapsed;
                var dossiers = await HubFlowStatus.ReadAsync(hub, Flows[0], cancellationToken);
                var progress = await HubFlowStatus.ReadAsync(hub, Flows[1], cancellationToken);
                if (dossiers is { Settled: true } && progress is { Settled: true } && !sandboxes.Complete)
                {
                    Console.WriteLine($"  {name}: the hub has nothing left to deliver but the portal misses data");
                    return false;
                }

                if (clock.Elapsed - lastPrint >= ProgressEvery)
                {
                    lastPrint = clock.Elapsed;
                    var portal = sandboxes.Portal.DossierStats;
                    Console.WriteLine($"  {name} {clock.Elapsed.TotalSeconds,5:N0} s: portal {portal.DossierCount:N0}/{sandboxes.Expected.Dossiers:N0} dossiers, " +
                        $"{portal.ProgressEntries:N0}/{sandboxes.Expected.ProgressEntries:N0} progress; hub received {dossiers?.Received:N0} + {progress?.Received:N0}, " +
                        $"pending {dossiers?.Pending:N0} + {progress?.Pending:N0}, failing {dossiers?.Failed:N0} + {progress?.Failed:N0}");
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }
}
