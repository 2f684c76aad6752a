using System.Runtime.InteropServices;

namespace IntegrationHub.Benchmarks;

/// <summary>kill(2): Process has no way to send SIGTERM, which the host handles as a graceful shutdown.</summary>
internal static class LibC
{
    public const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);
}
