namespace IntegrationHub.Benchmarks;

/// <summary><c>--evidence-compare</c>: the procedures sync through the hub with the evidence log off and on (a fresh
/// host and database each), in one run, in the order off, on, on, off so that a machine getting busier or quieter
/// weighs on both alike, and the ratios of records/s and of host+PostgreSQL CPU per record (sums over both runs).</summary>
internal static class EvidenceComparison
{
    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var runs = new List<(bool On, HubResult Result)>();
        foreach (var on in new[] { false, true, true, false })
        {
            var result = await HubRun.RunAsync(With(options, on ? "true" : "false"), cancellationToken);
            Console.WriteLine($"EVIDENCE {(on ? "ON" : "OFF")} {result}");
            runs.Add((on, result));
        }

        var (onRuns, offRuns) = (runs.Where(r => r.On).Select(r => r.Result).ToList(), runs.Where(r => !r.On).Select(r => r.Result).ToList());
        double RecordsPerSecond(List<HubResult> results) => results.Sum(r => r.Sync.Procedures) / results.Sum(r => r.Sync.Elapsed.TotalSeconds);
        double CpuPerRecord(List<HubResult> results) => results.Sum(r => r.Cpu.Host + r.Cpu.Postgres) / results.Sum(r => r.Sync.Procedures);
        Console.WriteLine($"RATIO evidence on/off: {RecordsPerSecond(onRuns) / RecordsPerSecond(offRuns):P1} of the records/s ({RecordsPerSecond(onRuns):N0} vs {RecordsPerSecond(offRuns):N0}); " +
            $"host+PostgreSQL CPU per record {CpuPerRecord(onRuns) * 1e6:N0} µs vs {CpuPerRecord(offRuns) * 1e6:N0} µs ({CpuPerRecord(onRuns) / CpuPerRecord(offRuns):P1}); " +
            $"other processes meanwhile {onRuns.Sum(r => r.OtherProcessesCpu):N0} vs {offRuns.Sum(r => r.OtherProcessesCpu):N0} CPU-s");
        var passed = runs.All(r => r.Result.Sync.Check.Passed);
        Console.WriteLine(passed ? "OK: every procedure was written exactly once in every run" : "FAILED: see the exactly-once lines above");
        return passed ? 0 : 1;
    }

    private static BenchmarkOptions With(BenchmarkOptions options, string enabled) =>
        options with { HostSettings = [.. options.HostSettings.Where(s => s.Key != "Hub__Evidence__Enabled"), new("Hub__Evidence__Enabled", enabled)] };
}
