namespace IntegrationHub.Benchmarks;

/// <summary>Dossier mode: iGate dossiers and progress → National Portal through the hub (HUB), then the same with one
/// Hangfire job per message (BASELINE, by default on fewer changes), and the ratio of their messages/s.</summary>
internal static class DossierBenchmark
{
    public const double TargetRatio = 10;

    /// <returns>0 when every run delivered exactly once and in order, 1 otherwise.</returns>
    public static async Task<int> RunAsync(DossierBenchOptions options, CancellationToken cancellationToken)
    {
        var hostDll = HostLocator.Find(options.HostDll);
        var baselineChanges = Math.Min(options.Changes, options.BaselineChanges);
        Console.WriteLine($"dossiers: {options.Changes:N0} progress entries for the hub, " +
            (options.SkipBaseline ? "baseline skipped" : $"{baselineChanges:N0} for the baseline") +
            $"; {Environment.ProcessorCount} CPUs; {MachineInfo.MemoryTotal()} RAM; .NET {Environment.Version}; timeout {options.Timeout.TotalMinutes} min");

        var hub = await DossierRun.RunAsync("HUB", options.Changes, jobPerMessage: false, hostDll, cancellationToken);
        Console.WriteLine(hub);
        DossierRunResult? baseline = null;
        if (!options.SkipBaseline)
        {
            baseline = await DossierRun.RunAsync("BASELINE (Hub:Delivery:JobPerMessage)", baselineChanges, jobPerMessage: true, hostDll, cancellationToken);
            Console.WriteLine(baseline);
            var ratio = hub.MessagesPerSecond / baseline.MessagesPerSecond;
            Console.WriteLine($"RATIO hub/baseline: {ratio:N1}x messages/s ({hub.MessagesPerSecond:N0} / {baseline.MessagesPerSecond:N0}; target >= {TargetRatio:N0}x: " +
                $"{(ratio >= TargetRatio ? "met" : "NOT met")})");
            if (baselineChanges != options.Changes)
            {
                Console.WriteLine($"NOTE: the ratio compares messages/s at different sizes: hub {hub.Messages:N0} messages, baseline {baseline.Messages:N0} messages.");
            }
        }

        var passed = hub.Check.Passed && baseline?.Check.Passed != false;
        Console.WriteLine(passed ? "OK: every dossier and progress entry reached the portal exactly once, in order" : "FAILED: see the exactly-once lines above");
        return passed ? 0 : 1;
    }
}
