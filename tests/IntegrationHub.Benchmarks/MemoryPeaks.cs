namespace IntegrationHub.Benchmarks;

/// <summary>Peak memory, in bytes: the host's VmHWM and sampled VmRSS, and the embedded PostgreSQL's summed samples
/// (RSS counts shared buffers once per process that touched them; PSS splits them, so it is the fairer total).</summary>
internal sealed record MemoryPeaks(long HostHwm, long HostRssSampled, long PostgresRssSum, long PostgresPssSum)
{
    public override string ToString() =>
        $"host peak RSS {Mib(HostHwm)} (VmHWM; sampled VmRSS peak {Mib(HostRssSampled)}); " +
        $"embedded PostgreSQL peak {Mib(PostgresPssSum)} PSS sum ({Mib(PostgresRssSum)} VmRSS sum)";

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):N0} MiB";
}
