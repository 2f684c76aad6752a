using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>CPU time used so far by the host, each embedded PostgreSQL process, and this process (the two sandboxes).</summary>
internal sealed class CpuSnapshot
{
    private readonly double _host;
    private readonly Dictionary<int, double> _postgres;
    private readonly double _postgresReaped;
    private readonly double _benchmark;
    private readonly long _taken = Stopwatch.GetTimestamp();

    private CpuSnapshot(int hostPid, EmbeddedCluster cluster)
    {
        _host = ProcFs.CpuSeconds(hostPid);
        _postgres = cluster.Processes().ToDictionary(pid => pid, ProcFs.CpuSeconds);
        // Backends that have exited: the postmaster waited for them, so their CPU is in its cutime/cstime.
        _postgresReaped = cluster.PostmasterPid is { } postmaster ? ProcFs.ReapedChildrenCpuSeconds(postmaster) : 0;
        using var self = Process.GetCurrentProcess();
        _benchmark = self.TotalProcessorTime.TotalSeconds;
    }

    public static CpuSnapshot Take(int hostPid, EmbeddedCluster cluster) => new(hostPid, cluster);

    /// <summary>CPU used between <paramref name="earlier"/> and this snapshot. PostgreSQL: the live processes' own time
    /// plus what backends that exited meanwhile used (reaped into the postmaster's children time).</summary>
    public CpuUse Since(CpuSnapshot earlier) => new(
        _host - earlier._host,
        _postgres.Sum(p => p.Value - earlier._postgres.GetValueOrDefault(p.Key)) + Math.Max(0, _postgresReaped - earlier._postgresReaped)
            - earlier._postgres.Where(p => !_postgres.ContainsKey(p.Key)).Sum(p => p.Value), // exited since: reaped counts their whole life
        _benchmark - earlier._benchmark,
        Stopwatch.GetElapsedTime(earlier._taken, _taken));
}
