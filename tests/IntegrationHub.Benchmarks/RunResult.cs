namespace IntegrationHub.Benchmarks;

/// <summary>How long a run took to put every procedure into iGate, and whether each arrived exactly once.</summary>
/// <param name="ProcessCpu">CPU this process used meanwhile, when the whole run is in it (the baseline).</param>
/// <param name="OtherProcessesCpu">CPU other processes on the machine used meanwhile (the baseline).</param>
internal sealed record RunResult(string Name, int Procedures, TimeSpan Elapsed, ExactlyOnceCheck Check, TimeSpan? ProcessCpu = null, double? OtherProcessesCpu = null)
{
    public double RecordsPerSecond => Procedures / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name}: {Procedures:N0} procedures in {Elapsed.TotalSeconds:N2} s = {RecordsPerSecond:N0} records/s\n  exactly once: {Check}" +
        (ProcessCpu is { } cpu ? $"\n  CPU: {cpu.TotalSeconds:N1} s in this process (connectors and both sandboxes) of {Environment.ProcessorCount * Elapsed.TotalSeconds:N1} CPU-s " +
            $"({cpu.TotalSeconds * 1e6 / Math.Max(1, Procedures):N0} µs per record)" : "") +
        (OtherProcessesCpu is { } other ? $"\n  other processes on the machine meanwhile: {other:N1} CPU-s" : "");
}
