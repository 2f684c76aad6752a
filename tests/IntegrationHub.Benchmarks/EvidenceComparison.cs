namespace IntegrationHub.Benchmarks;

/// <summary><c>--evidence-compare</c>: the procedures sync through the hub with the evidence log off, then on (a fresh
/// host and database each), in one run, and the ratio of records/s and of host+PostgreSQL CPU per record.</summary>
internal static class EvidenceComparison
{
    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var off = await HubRun.RunAsync(With(options, "false"), cancellationToken);
        Console.WriteLine("EVIDENCE OFF " + off);
        var on = await HubRun.RunAsync(With(options, "true"), cancellationToken);
        Console.WriteLine("EVIDENCE ON " + on);
        var cpuOff = (off.Cpu.Host + off.Cpu.Postgres) / off.Sync.Procedures;
        var cpuOn = (on.Cpu.Host + on.Cpu.Postgres) / on.Sync.Procedures;
        Console.WriteLine($"RATIO evidence on/off: {on.Sync.RecordsPerSecond / off.Sync.RecordsPerSecond:P1} of the records/s; " +
            $"host+PostgreSQL CPU per record {cpuOn * 1000:N3} ms vs {cpuOff * 1000:N3} ms ({cpuOn / cpuOff:P1})");
        var passed = on.Sync.Check.Passed && off.Sync.Check.Passed;
        Console.WriteLine(passed ? "OK: every procedure was written exactly once in both runs" : "FAILED: see the exactly-once lines above");
        return passed ? 0 : 1;
    }

    private static BenchmarkOptions With(BenchmarkOptions options, string enabled) =>
        options with { HostSettings = [.. options.HostSettings.Where(s => s.Key != "Hub__Evidence__Enabled"), new("Hub__Evidence__Enabled", enabled)] };
}
