namespace IntegrationHub.Benchmarks;

/// <summary>A fresh folder under /tmp for one hub run: the host's working folder, its embedded PostgreSQL's data folder
/// and the host's log. Mode 755, so the postgres OS user can reach the cluster inside it when the host runs as root.</summary>
internal sealed class BenchFolder : IDisposable
{
    private const UnixFileMode Mode755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private BenchFolder(string root) => Root = root;

    public string Root { get; }

    /// <summary>The host's working folder (its content root).</summary>
    public string WorkFolder => Path.Combine(Root, "work");

    /// <summary>Hub:EmbeddedPostgres:DataFolder; the host creates it, with the cluster in <c>pgdata</c> inside.</summary>
    public string PostgresFolder => Path.Combine(Root, "postgres");

    public string PgData => Path.Combine(PostgresFolder, "pgdata");

    public string HostLog => Path.Combine(Root, "host.log");

    public static BenchFolder Create()
    {
        // Not Path.GetTempPath(): TMPDIR may sit under /root (mode 700), which the postgres user cannot enter.
        var folder = new BenchFolder(Path.Combine("/tmp", $"integrationhub-bench-{Guid.NewGuid().ToString("N")[..8]}"));
        Directory.CreateDirectory(folder.Root);
        File.SetUnixFileMode(folder.Root, Mode755);
        Directory.CreateDirectory(folder.WorkFolder);
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: could not delete {Root}: {e.Message}");
        }
    }
}
