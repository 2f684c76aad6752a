using System.Globalization;

namespace IntegrationHub.Benchmarks;

/// <summary>The whole machine's busy CPU seconds so far (/proc/stat: all but idle and iowait), so a run can tell how much
/// of the machine other processes (other test runs, builds) took while it measured.</summary>
internal static class MachineCpu
{
    public static double BusySeconds()
    {
        var line = File.ReadLines("/proc/stat").First(); // cpu user nice system idle iowait irq softirq steal ...
        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var busy = ticks.Select((v, i) => i is 3 or 4 || i >= 8 ? 0 : v).Sum(); // guest time is already in user
        return busy / 100.0;
    }
}
