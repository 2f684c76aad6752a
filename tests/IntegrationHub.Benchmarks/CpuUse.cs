namespace IntegrationHub.Benchmarks;

/// <summary>CPU seconds used over a stretch of wall time, by process: where the machine's time went.</summary>
internal sealed record CpuUse(double Host, double Postgres, double Benchmark, TimeSpan Wall)
{
    public override string ToString()
    {
        var available = Environment.ProcessorCount * Wall.TotalSeconds;
        return $"CPU during the sync: host {Host:N1} s, PostgreSQL {Postgres:N1} s, benchmark process (both sandboxes) {Benchmark:N1} s " +
            $"= {(Host + Postgres + Benchmark) / available:P0} of {available:N1} CPU-s ({Environment.ProcessorCount} CPUs x {Wall.TotalSeconds:N1} s)";
    }
}
