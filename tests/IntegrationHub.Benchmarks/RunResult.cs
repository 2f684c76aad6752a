namespace IntegrationHub.Benchmarks;

/// <summary>How long a run took to put every procedure into iGate, and whether each arrived exactly once.</summary>
internal sealed record RunResult(string Name, int Procedures, TimeSpan Elapsed, ExactlyOnceCheck Check)
{
    public double RecordsPerSecond => Procedures / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name}: {Procedures:N0} procedures in {Elapsed.TotalSeconds:N2} s = {RecordsPerSecond:N0} records/s\n  exactly once: {Check}";
}
