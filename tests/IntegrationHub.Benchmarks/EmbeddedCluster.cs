using System.Diagnostics;

namespace IntegrationHub.Benchmarks;

/// <summary>The host's embedded PostgreSQL seen from outside: its postmaster (from pgdata/postmaster.pid) and processes,
/// and an immediate stop for a cluster a killed host left running.</summary>
internal sealed class EmbeddedCluster(string pgData)
{
    public int? PostmasterPid
    {
        get
        {
            try
            {
                var first = File.ReadLines(Path.Combine(pgData, "postmaster.pid")).FirstOrDefault();
                return int.TryParse(first, out var pid) && ProcFs.IsAlive(pid) ? pid : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>The postmaster and its children (backends, checkpointer, WAL writer...).</summary>
    public IReadOnlyList<int> Processes() => PostmasterPid is { } pid ? [pid, .. ProcFs.ChildrenOf(pid)] : [];

    public async Task StopIfRunningAsync()
    {
        if (PostmasterPid is null)
        {
            return;
        }

        var version = (await File.ReadAllTextAsync(Path.Combine(pgData, "PG_VERSION"))).Trim();
        var pgCtl = $"/usr/lib/postgresql/{version}/bin/pg_ctl";
        Console.Error.WriteLine($"cleanup: the host left PostgreSQL running in {pgData}; stopping it (immediate)");
        var info = Environment.IsPrivilegedProcess ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl]) : new ProcessStartInfo(pgCtl);
        foreach (var argument in new[] { "-D", pgData, "-m", "immediate", "-w", "-t", "30", "stop" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new BenchmarkException($"Could not run {pgCtl}.");
        await process.WaitForExitAsync();
    }
}
