namespace IntegrationHub.Benchmarks;

/// <summary>How long a run took to put every procedure into iGate, and whether each arrived exactly once.</summary>
/// <param name="ProcessCpu">CPU this process used meanwhile, when the whole run is in it (the baseline).</param>
internal sealed record RunResult(string Name, int Procedures, TimeSpan Elapsed, ExactlyOnceCheck Check, TimeSpan? ProcessCpu = null)
{
    public double RecordsPerSecond => Procedures / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name}: {Procedures:N0} procedures in {Elapsed.TotalSeconds:N2} s = {RecordsPerSecond:N0} records/s\n  exactly once: {Check}" +
        (ProcessCpu is { } cpu ? $"\n  CPU: {cpu.TotalSeconds:N1} s in this process (connectors and both sandboxes) of {Environment.ProcessorCount * Elapsed.TotalSeconds:N1} CPU-s" : "");
}
