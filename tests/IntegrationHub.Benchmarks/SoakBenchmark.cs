using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>Soak mode (issue 13, item 7; not in CI): a million messages (configurable) through the pull and push flows
/// at a steady rate on one host with wake-ups; the host's RSS, PostgreSQL's client connections and delivery latency in
/// the first 10 % of the messages against the last 10 %; then nothing lost or doubled.</summary>
internal static class SoakBenchmark
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(SoakBenchOptions options, CancellationToken cancellationToken)
    {
        var hostDll = HostLocator.Find(options.HostDll);
        Console.WriteLine($"soak: {options.Messages:N0} messages at {options.Rate:N0}/s ({options.PullShare:P0} pulled records, the rest pushes); " +
            $"{Environment.ProcessorCount} CPUs; {MachineInfo.MemoryTotal()} RAM; .NET {Environment.Version}; timeout {options.Timeout.TotalMinutes} min");
        await using var rig = await LatencyRig.StartAsync("SOAK", wake: true, hostDll, options.HostSettings, cancellationToken);
        long fed = 0;
        DateTimeOffset? tenth = null, ninetieth = null;
        var samples = new List<SoakSample>();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = SampleAsync(rig, options.Messages, () => Interlocked.Read(ref fed), samples, stopSampling.Token);
        var clock = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        var (from, to, total) = await rig.FeedAsync(options.Rate, options.PullShare, TimeSpan.MaxValue, options.Messages, n =>
        {
            Interlocked.Exchange(ref fed, n);
            tenth ??= n >= options.Messages / 10 ? DateTimeOffset.UtcNow : null;
            ninetieth ??= n >= options.Messages * 9 / 10 ? DateTimeOffset.UtcNow : null;
            if (clock.Elapsed - lastPrint >= TimeSpan.FromMinutes(1))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalMinutes,5:N1} min: fed {n:N0} ({(double)n / options.Messages:P0}); last sample {samples.LastOrDefault()}");
            }
        }, cancellationToken);
        await stopSampling.CancelAsync();
        await sampling;
        Console.WriteLine($"  fed {total:N0} messages in {(to - from).TotalMinutes:N1} min ({total / (to - from).TotalSeconds:N0}/s)");

        await rig.SettleAsync(SettleTimeout, cancellationToken);
        var first = await rig.LatencyAsync(from, tenth ?? to, cancellationToken);
        var last = await rig.LatencyAsync(ninetieth ?? from, to, cancellationToken);
        var check = await rig.ExactlyOnceAsync(cancellationToken);
        var (exited, problems) = await rig.StopAsync();

        var early = samples.Where(s => s.Progress <= 0.1).ToList();
        var late = samples.Where(s => s.Progress >= 0.9).ToList();
        Console.WriteLine("RESULT (first 10 % of the messages | last 10 %):");
        Console.WriteLine($"  host RSS MiB      avg {Avg(early, s => s.HostRssBytes / 1048576.0),8:N0} max {Max(early, s => s.HostRssBytes / 1048576.0),8:N0} | " +
            $"avg {Avg(late, s => s.HostRssBytes / 1048576.0),8:N0} max {Max(late, s => s.HostRssBytes / 1048576.0),8:N0}  (ratio of averages {Avg(late, s => s.HostRssBytes) / Avg(early, s => s.HostRssBytes):N2})");
        Console.WriteLine($"  PG connections    avg {Avg(early, s => s.Connections),8:N1} max {Max(early, s => s.Connections),8:N0} | " +
            $"avg {Avg(late, s => s.Connections),8:N1} max {Max(late, s => s.Connections),8:N0}");
        Console.WriteLine($"  push -> delivered {first.Push} | {last.Push}");
        Console.WriteLine($"  read -> delivered {first.Pull} | {last.Pull}");
        Console.WriteLine($"  samples: {early.Count} | {late.Count} (every {SampleEvery.TotalSeconds:N0} s)");
        Console.WriteLine($"EXACTLY ONCE: {check}; pushes refused or failed: {rig.PushesFailed:N0}");
        Console.WriteLine($"host shutdown: {(exited ? $"exit code {rig.Host.ExitCode}" : "still running")}; host log: {problems.Count} warn/fail/crit entries");
        foreach (var problem in problems.Take(5))
        {
            Console.WriteLine($"    {problem}");
        }

        var passed = check.Passed && rig.PushesFailed == 0;
        Console.WriteLine(passed ? "OK: nothing lost or doubled" : "FAILED: see the exactly-once line above");
        return passed ? 0 : 1;
    }

    private static async Task SampleAsync(LatencyRig rig, long messages, Func<long> fed, List<SoakSample> samples, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var sample = new SoakSample((double)fed() / messages, ProcFs.StatusBytes(rig.Host.Pid, "VmRSS"), await rig.DatabaseConnectionsAsync(cancellationToken));
                lock (samples)
                {
                    samples.Add(sample);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The feed is over.
        }
    }

    private static double Avg(List<SoakSample> samples, Func<SoakSample, double> value) => samples.Count == 0 ? double.NaN : samples.Average(value);

    private static double Max(List<SoakSample> samples, Func<SoakSample, double> value) => samples.Count == 0 ? double.NaN : samples.Max(value);
}
