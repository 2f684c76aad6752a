namespace IntegrationHub.Benchmarks;

/// <summary>A hub run: the sync (first list call to the last procedure in iGate), the host's start-up and shutdown, memory,
/// the hub's own account of the flow, and the warnings the host logged.</summary>
internal sealed record HubResult(
    RunResult Sync,
    TimeSpan? Ready,
    TimeSpan FirstListCall,
    TimeSpan Completed,
    MemoryPeaks Memory,
    CpuUse Cpu,
    HubFlowStatus? Flow,
    TimeSpan Shutdown,
    int? ExitCode,
    bool PostgresLeftRunning,
    IReadOnlyList<string> HostProblems,
    double OtherProcessesCpu)
{
    public override string ToString()
    {
        var ready = Ready is { } r ? $"{r.TotalSeconds:N2} s" : "never answered";
        var lines = new List<string>
        {
            $"{Sync}",
            $"  measured from the national sandbox's first LayDanhSachTTHC call to iGate holding all {Sync.Procedures:N0} procedures",
            $"  host process start -> /health/ready 200: {ready}; -> first list call: {FirstListCall.TotalSeconds:N2} s; -> done: {Completed.TotalSeconds:N2} s " +
                $"({Sync.Procedures / Completed.TotalSeconds:N0} records/s including start-up)",
            $"  memory: {Memory}",
            $"  {Cpu}",
            $"  {Cpu.PerRecord(Sync.Procedures)}",
            $"  other processes on the machine meanwhile: {OtherProcessesCpu:N1} CPU-s (a shared machine: the more, the noisier this run)",
            $"  hub's account: {Flow?.ToString() ?? "(no answer from /api/flows)"}",
            $"  shutdown after SIGTERM: {Shutdown.TotalSeconds:N2} s, exit code {ExitCode?.ToString() ?? "(still running)"}" +
                (PostgresLeftRunning ? ", embedded PostgreSQL LEFT RUNNING" : ", embedded PostgreSQL stopped"),
            $"  host log: {HostProblems.Count} warn/fail/crit entries",
        };
        lines.AddRange(HostProblems.Take(10).Select(p => $"    {p}"));
        return string.Join('\n', lines);
    }
}
