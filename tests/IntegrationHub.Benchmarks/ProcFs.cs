using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>Reads memory figures and parent links from /proc. A process that has gone reads as 0 / no children.</summary>
internal static class ProcFs
{
    /// <summary>A "Name:  123 kB" field of /proc/&lt;pid&gt;/status (VmRSS, VmHWM), in bytes.</summary>
    public static long StatusBytes(int pid, string field) => FieldBytes($"/proc/{pid}/status", field);

    /// <summary>Proportional set size: shared pages (PostgreSQL's shared buffers) split between the processes mapping them.</summary>
    public static long PssBytes(int pid) => FieldBytes($"/proc/{pid}/smaps_rollup", "Pss");

    public static long MeminfoBytes(string field) => FieldBytes("/proc/meminfo", field);

    public static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) == parent)
            {
                yield return pid;
            }
        }
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>User plus system CPU time the process has used so far (0 once it has gone).</summary>
    public static double CpuSeconds(int pid)
    {
        // utime and stime are fields 14 and 15 of stat, in clock ticks (USER_HZ, 100 on Linux).
        var fields = StatFields(pid);
        return fields is { Length: > 12 } ? (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0 : 0;
    }

    /// <summary>CPU time of the children this process has waited for (cutime + cstime): a postmaster's exited backends.</summary>
    public static double ReapedChildrenCpuSeconds(int pid)
    {
        // cutime and cstime are fields 16 and 17 of stat.
        var fields = StatFields(pid);
        return fields is { Length: > 14 } ? (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0 : 0;
    }

    private static int? ParentOf(int pid)
    {
        var fields = StatFields(pid);
        return fields is { Length: > 1 } && int.TryParse(fields[1], out var ppid) ? ppid : null;
    }

    /// <summary>/proc/&lt;pid&gt;/stat from field 3 (state) on: "pid (comm) state ppid ...", and comm may hold spaces.</summary>
    private static string[]? StatFields(int pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        return stat?[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static long FieldBytes(string file, string field)
    {
        foreach (var line in (TryRead(file) ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static string? TryRead(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
