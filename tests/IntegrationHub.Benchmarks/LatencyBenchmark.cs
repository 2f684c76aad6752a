using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Latency mode (issue 13, item 2): a steady inflow of signed pushes (routed to iGate) and pulled iGate dossiers
/// (to the National Portal) at each given rate, push/read -> delivered p50 and p99 from the hub's database; first with
/// wake-ups (Hub:Wake:Enabled, the default), then the baseline without them, each on a fresh host, in the same run.</summary>
internal static class LatencyBenchmark
{
    public const int TargetRate = 1000;
    public const double TargetP50Ms = 100;
    public const double TargetP99Ms = 500;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(LatencyBenchOptions options, CancellationToken cancellationToken)
    {
        var hostDll = HostLocator.Find(options.HostDll);
        Console.WriteLine($"latency: rates {string.Join(", ", options.Rates)} msg/s ({options.PullShare:P0} pulled records, the rest pushes), {options.Seconds} s each " +
            $"after {options.WarmupSeconds} s warm-up; {Environment.ProcessorCount} CPUs; {MachineInfo.MemoryTotal()} RAM; .NET {Environment.Version}; timeout {options.Timeout.TotalMinutes} min");
        var modes = options.SkipBaseline ? new[] { true } : [true, false];
        var results = new Dictionary<(bool Wake, int Rate), (LatencyFigures Push, LatencyFigures Pull)>();
        var passed = true;
        foreach (var wake in modes)
        {
            var name = wake ? "WAKE" : "BASELINE (Hub:Wake:Enabled=false)";
            await using var rig = await LatencyRig.StartAsync(name, wake, hostDll, options.HostSettings, cancellationToken);
            // The dossiers iGate holds at start (read by the first run) are a backlog of their own: delivered before the
            // warm-up, so a short warm-up does not carry it into the measured window.
            await rig.SettleAsync(SettleTimeout, cancellationToken);
            await rig.FeedAsync(options.Rates[0], options.PullShare, TimeSpan.FromSeconds(options.WarmupSeconds), long.MaxValue, null, cancellationToken);
            var windows = new List<(int Rate, DateTimeOffset From, DateTimeOffset To, long Fed)>();
            foreach (var rate in options.Rates)
            {
                var cpuBefore = CpuSnapshot.Take(rig.Host.Pid, rig.Cluster);
                var machineBefore = MachineCpu.BusySeconds();
                var (from, to, fed) = await rig.FeedAsync(rate, options.PullShare, TimeSpan.FromSeconds(options.Seconds), long.MaxValue, null, cancellationToken);
                var cpu = CpuSnapshot.Take(rig.Host.Pid, rig.Cluster).Since(cpuBefore);
                var others = MachineCpu.BusySeconds() - machineBefore - cpu.Host - cpu.Postgres - cpu.Benchmark;
                windows.Add((rate, from, to, fed));
                Console.WriteLine($"  {name}: fed {fed:N0} messages at {rate:N0}/s for {(to - from).TotalSeconds:N1} s ({fed / (to - from).TotalSeconds:N0}/s reached)");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}: CPU in the window: host {cpu.Host:N1} s ({cpu.Host * 1e6 / Math.Max(1, fed):N0} µs/msg), PostgreSQL {cpu.Postgres:N1} s ({cpu.Postgres * 1e6 / Math.Max(1, fed):N0} µs/msg), " +
                    $"benchmark and sandboxes {cpu.Benchmark:N1} s, other processes {others:N1} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            }

            await rig.SettleAsync(SettleTimeout, cancellationToken);
            foreach (var (rate, from, to, _) in windows)
            {
                var figures = await rig.LatencyAsync(from, to, cancellationToken);
                results[(wake, rate)] = figures;
                Console.WriteLine($"  {name} {rate,5:N0} msg/s: push -> delivered {figures.Push}; read -> delivered {figures.Pull}");
                Console.WriteLine($"    push split: {figures.Push.Split?.ToString() ?? "(no commit timestamps)"}");
                Console.WriteLine($"    read split: {figures.Pull.Split?.ToString() ?? "(no commit timestamps)"}");
            }

            var check = await rig.ExactlyOnceAsync(cancellationToken);
            Console.WriteLine($"  {name} exactly once: {check}; pushes refused or failed: {rig.PushesFailed:N0}");
            var (exited, problems) = await rig.StopAsync();
            Console.WriteLine($"  {name} host shutdown: {(exited ? $"exit code {rig.Host.ExitCode}" : "still running")}; host log: {problems.Count} warn/fail/crit entries");
            foreach (var problem in problems.Take(5))
            {
                Console.WriteLine($"    {problem}");
            }

            passed &= check.Passed && rig.PushesFailed == 0;
        }

        Console.WriteLine("RESULT (ms; push = inbox receipt -> 'delivered', read = message stored by the run -> 'delivered'):");
        foreach (var rate in options.Rates)
        {
            var line = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"  {rate,5} msg/s  wake: push {results[(true, rate)].Push}, read {results[(true, rate)].Pull}"));
            if (results.TryGetValue((false, rate), out var baseline))
            {
                line.Append(CultureInfo.InvariantCulture, $"\n               baseline: push {baseline.Push}, read {baseline.Pull}");
                line.Append(CultureInfo.InvariantCulture, $"\n               RATIO wake/baseline p50: push {results[(true, rate)].Push.P50Ms / baseline.Push.P50Ms:N2}, read {results[(true, rate)].Pull.P50Ms / baseline.Pull.P50Ms:N2}");
            }

            Console.WriteLine(line);
        }

        if (results.TryGetValue((true, TargetRate), out var target))
        {
            var met = target.Push.P50Ms < TargetP50Ms && target.Push.P99Ms < TargetP99Ms && target.Pull.P50Ms < TargetP50Ms && target.Pull.P99Ms < TargetP99Ms;
            Console.WriteLine($"TARGET at {TargetRate:N0} msg/s with wake-ups: p50 < {TargetP50Ms} ms and p99 < {TargetP99Ms} ms for push and read: {(met ? "met" : "NOT met")}");
        }

        Console.WriteLine(passed ? "OK: every push and every pulled record delivered exactly once in every run" : "FAILED: see the exactly-once lines above");
        return passed ? 0 : 1;
    }
}
