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

    private static int? ParentOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so parse after the last ')'.
        var stat = TryRead($"/proc/{pid}/stat");
        var fields = stat?[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields is { Length: > 1 } && int.TryParse(fields[1], out var ppid) ? ppid : null;
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
