using System.Globalization;

namespace IntegrationHub.Tests.Hosting;

/// <summary>The local TCP ports of a process's sockets (Linux /proc): maps a PostgreSQL backend's client_port to the
/// host process at the other end, so a test can tell which host holds an advisory lock.</summary>
internal static class ProcessTcpPorts
{
    public static IReadOnlySet<int> Of(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{processId}/fd"))
            {
                // A socket's descriptor links to "socket:[inode]".
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process exited, or a descriptor closed while listed: what was read is enough for one look.
        }

        var ports = new HashSet<int>();
        foreach (var table in new[] { $"/proc/{processId}/net/tcp", $"/proc/{processId}/net/tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(table);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // "sl local_address rem_address st ... uid timeout inode": local_address is ADDRESS:PORT in hex.
            foreach (var fields in lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length > 9 && inodes.Contains(f[9])))
            {
                ports.Add(int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return ports;
    }
}
