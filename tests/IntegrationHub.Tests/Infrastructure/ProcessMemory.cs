using System.Globalization;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A Linux process's resident memory from /proc: current (VmRSS) and peak (VmHWM), in bytes. The peak can be
/// reset (clear_refs 5), so it covers exactly the work between a reset and a read.</summary>
public static class ProcessMemory
{
    public static (long Rss, long Peak) Read(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return (rss, peak);
    }

    /// <returns>False when the kernel does not let us reset it (then the peak is since the process started).</returns>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
