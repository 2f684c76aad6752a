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
        Console.WriteLine($"HUB: starting {hostDll} in {folder.Root} (log {folder.HostLog})");

        // Disposed in reverse: the sampler, then the host (and any PostgreSQL it left), then the folder, then the sandboxes.
        var clock = Stopwatch.StartNew();
        await using var host = HostProcess.Start(hostDll, folder, HostEnvironment(sandboxes, folder, hubUrl));
        using var sampler = new MemorySampler(host.Pid, new EmbeddedCluster(folder.PgData));
        using var stopReadyPoll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = WaitReadyAsync(hub, clock, stopReadyPoll.Token);
        try
        {
            await WaitAsync(host, () => sandboxes.Portal.Stats.ListCalls > 0, TimeSpan.FromMilliseconds(20), null, cancellationToken);
            var firstListAt = clock.Elapsed;
            Console.WriteLine($"HUB: first list call {firstListAt.TotalSeconds:N2} s after the host process started");
            var sync = Stopwatch.StartNew();
            var lastProgress = TimeSpan.Zero;
            await WaitAsync(host, () => sandboxes.IGate.Stats().DistinctProcedures >= options.Procedures, TimeSpan.FromMilliseconds(100), () =>
            {
                if (sync.Elapsed - lastProgress >= ProgressEvery)
                {
                    lastProgress = sync.Elapsed;
                    var stats = sandboxes.IGate.Stats();
                    Console.WriteLine($"  {sync.Elapsed.TotalSeconds,6:N0} s: {stats.DistinctProcedures:N0} procedures in iGate, {sandboxes.Portal.Stats.DetailCalls:N0} read from the portal");
                }
            }, cancellationToken);
            sync.Stop();
            var completedAt = clock.Elapsed;

            var flow = await WaitSettledAsync(host, hub, cancellationToken);
            var check = sandboxes.Check();
            var memory = sampler.Peaks();
            var stopping = Stopwatch.StartNew();
            var exited = await host.StopAsync(StopTimeout);
            stopping.Stop();
            var postgresLeft = new EmbeddedCluster(folder.PgData).PostmasterPid is not null;
            return new HubResult(
                new RunResult("HUB", options.Procedures, sync.Elapsed, check),
                ready.IsCompletedSuccessfully ? ready.Result : null,
                firstListAt,
                completedAt,
                memory,
                flow,
                stopping.Elapsed,
                exited ? host.ExitCode : null,
                postgresLeft,
                host.Log.Problems());
        }
        catch
        {
            PrintTails(host, folder);
            throw;
        }
        finally
        {
            await stopReadyPoll.CancelAsync();
        }
    }

    private static Dictionary<string, string> HostEnvironment(SandboxPair sandboxes, BenchFolder folder, Uri hubUrl) => new()
    {
        // Production needs admin credentials; Development with the sandboxes off runs the same hub.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Sandboxes__Enabled"] = "false",
        ["Hub__Http__Urls"] = hubUrl.ToString().TrimEnd('/'),
        ["Hub__EmbeddedPostgres__DataFolder"] = folder.PostgresFolder,
        ["Connectors__national-portal__BaseUrl"] = sandboxes.PortalUrl.ToString(),
        ["Connectors__national-portal__Username"] = SandboxPair.Username,
        ["Connectors__national-portal__Password"] = SandboxPair.Password,
        ["Connectors__igate__BaseUrl"] = sandboxes.IGateUrl.ToString(),
        ["Connectors__igate__ApiKey"] = SandboxPair.ApiKey,
        ["Flows__procedures__RunOnStart"] = "true",
    };

    /// <summary>Polls <paramref name="done"/> until true; fails at once if the host exits.</summary>
    private static async Task WaitAsync(HostProcess host, Func<bool> done, TimeSpan interval, Action? onPoll, CancellationToken cancellationToken)
    {
        while (!done())
        {
            if (host.HasExited)
            {
                throw new BenchmarkException($"The host exited early with code {host.ExitCode}.");
            }

            onPoll?.Invoke();
            await Task.Delay(interval, cancellationToken);
        }
    }

    private static async Task<TimeSpan> WaitReadyAsync(HttpClient hub, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await hub.GetAsync("health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits until the hub reports the run ended and nothing pending, so no later write can change iGate's counts.</summary>
    private static async Task<HubFlowStatus> WaitSettledAsync(HostProcess host, HttpClient hub, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await HubFlowStatus.ReadAsync(hub, cancellationToken) is { Settled: true } flow)
            {
                return flow;
            }

            if (host.HasExited)
            {
                throw new BenchmarkException($"The host exited early with code {host.ExitCode}.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static void PrintTails(HostProcess host, BenchFolder folder)
    {
        Console.Error.WriteLine($"--- last lines of the host's output ({host.Log.Path}) ---");
        foreach (var line in host.Log.Tail(40))
        {
            Console.Error.WriteLine(line);
        }

        var postgresLog = Path.Combine(folder.PostgresFolder, "postgres.log");
        if (File.Exists(postgresLog))
        {
            Console.Error.WriteLine($"--- last lines of {postgresLog} ---");
            foreach (var line in File.ReadLines(postgresLog).TakeLast(10))
            {
                Console.Error.WriteLine(line);
            }
        }
    }
}
