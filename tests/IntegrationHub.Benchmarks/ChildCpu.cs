using System.Runtime.InteropServices;

namespace IntegrationHub.Benchmarks;

/// <summary>getrusage(RUSAGE_CHILDREN): CPU seconds of this process's children that have exited and been waited for
/// (pgbench, once it ends). The host is a child too, but still running, so it is not in this figure.</summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    public static double Seconds()
    {
        var usage = new long[18];
        if (GetRUsage(RusageChildren, usage) != 0)
        {
            return double.NaN;
        }

        // struct rusage starts with ru_utime and ru_stime, each a timeval { long tv_sec; long tv_usec; }.
        return usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRUsage(int who, [Out] long[] usage);
}
