namespace IntegrationHub.Benchmarks;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    public static string MemoryTotal() => $"{ProcFs.MeminfoBytes("MemTotal") / (1024.0 * 1024 * 1024):N1} GiB";
}
