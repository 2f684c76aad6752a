using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>A private PostgreSQL cluster under a data folder, started from the machine's binaries and stopped on shutdown.
/// If a previous host was killed and left its cluster running, the cluster is adopted instead of started twice.</summary>
public sealed class EmbeddedPostgres
{
    private const string UserName = "hub";
    private readonly EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly string _binFolder;
    private readonly string _rootFolder;
    private readonly string _password;
    private FileStream? _folderLock;
    private int _port;

    public EmbeddedPostgres(EmbeddedPostgresOptions options, string contentRoot, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _binFolder = PostgresBinaries.Find(options.BinFolder) ?? throw new HubStartupException(PostgresBinaries.InstallHint);
        _rootFolder = ResolveRootFolder(options.DataFolder, contentRoot);
        Directory.CreateDirectory(_rootFolder);
        if (ProcessRunner.RunningAsRoot)
        {
            // The postgres user must traverse every parent folder of its data folder.
            File.SetUnixFileMode(_rootFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var blocked = UnreachableParent(_rootFolder);
            if (blocked is not null)
            {
                throw new HubStartupException(
                    $"The embedded PostgreSQL data folder {_rootFolder} is inside {blocked}, which the postgres user cannot enter. " +
                    "Set Hub:EmbeddedPostgres:DataFolder to a folder under /var/tmp or /tmp, or leave it empty.");
            }
        }

        _folderLock = LockFolder(_rootFolder);
        _password = ReadOrCreatePassword(Path.Combine(_rootFolder, "hub-password"));
    }

    public string DataFolder => Path.Combine(_rootFolder, "pgdata");

    public int Port => _port;

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = UserName,
        Password = _password,
        Database = _options.Database,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Chooses the port (or the running cluster's) so the connection string is known before the cluster starts.</summary>
    public void Prepare()
    {
        _port = RunningClusterPort() ?? (_options.Port != 0 ? _options.Port : FreePort());
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataFolder, "PG_VERSION")))
        {
            await InitializeAsync(cancellationToken);
        }

        if (await IsRunningAsync(cancellationToken))
        {
            _logger.LogWarning("Embedded PostgreSQL in {DataFolder} was already running on port {Port} (left by an earlier host); adopting it", DataFolder, _port);
        }
        else
        {
            var settings = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c tcp_keepalives_idle=60 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3"));
            if (!_options.Fsync)
            {
                settings.Append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            }

            var logFile = Path.Combine(_rootFolder, "postgres.log");
            if (ProcessRunner.RunningAsRoot)
            {
                // pg_ctl writes the server log as the postgres user.
                await File.AppendAllTextAsync(logFile, string.Empty, cancellationToken);
                await ChownToPostgresAsync(logFile, cancellationToken);
            }

            var (code, output) = await PgCtlAsync(["-D", DataFolder, "-l", logFile, "-w", "-t", "60", "-o", settings.ToString(), "start"], cancellationToken);
            if (code != 0)
            {
                throw new HubStartupException($"Embedded PostgreSQL did not start (pg_ctl exit {code}): {output.Trim()} See {Path.Combine(_rootFolder, "postgres.log")}.");
            }

            _logger.LogInformation("Embedded PostgreSQL started in {DataFolder} on 127.0.0.1:{Port}", DataFolder, _port);
        }

        await EnsureDatabaseAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_folderLock is null)
        {
            return;
        }

        // A start refused before the cluster was made (a busy port, bad settings) has nothing to stop.
        if (File.Exists(Path.Combine(DataFolder, "PG_VERSION")))
        {
            var (code, output) = await PgCtlAsync(["-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop"], CancellationToken.None);
            if (code == 0)
            {
                _logger.LogInformation("Embedded PostgreSQL in {DataFolder} stopped", DataFolder);
            }
            else
            {
                _logger.LogWarning("Stopping embedded PostgreSQL returned {Code}: {Output}", code, output.Trim());
            }
        }

        await _folderLock.DisposeAsync();
        _folderLock = null;
    }

    /// <summary>Stops a cluster left running by a killed host, without taking the folder (tests and tools).</summary>
    public static async Task StopLeftoverAsync(string dataFolder, string? binFolder = null)
    {
        var bin = PostgresBinaries.Find(binFolder) ?? throw new HubStartupException(PostgresBinaries.InstallHint);
        await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dataFolder, "pgdata"), "-m", "fast", "-w", "-t", "60", "stop"], asPostgresUser: true, CancellationToken.None);
    }

    /// <summary>One hub per embedded cluster: a second host on the same folder would stop the first one's database.</summary>
    private static FileStream LockFolder(string rootFolder)
    {
        var path = Path.Combine(rootFolder, "hub.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new HubStartupException(
                $"Another IntegrationHub process is using the embedded PostgreSQL in {rootFolder} (it holds {path}). " +
                "Stop it, or give this one its own Hub:EmbeddedPostgres:DataFolder, or point both at one server with ConnectionStrings:Hub.");
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Creating embedded PostgreSQL cluster in {DataFolder} (first run)", DataFolder);
        Directory.CreateDirectory(DataFolder);
        var passwordFile = Path.Combine(_rootFolder, "initdb-password");
        WritePrivate(passwordFile, _password);
        try
        {
            if (ProcessRunner.RunningAsRoot)
            {
                await ChownToPostgresAsync(DataFolder, cancellationToken);
                await ChownToPostgresAsync(passwordFile, cancellationToken);
            }

            var (code, output) = await ProcessRunner.RunAsync(Path.Combine(_binFolder, "initdb"),
                ["-D", DataFolder, "-U", UserName, "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"],
                asPostgresUser: true, cancellationToken);
            if (code != 0)
            {
                throw new HubStartupException($"initdb failed (exit {code}): {output.Trim()}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", _options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{_options.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase || e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another host created it first.
            }
        }
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var (code, _) = await PgCtlAsync(["-D", DataFolder, "status"], cancellationToken);
        return code == 0;
    }

    private int? RunningClusterPort()
    {
        var pidFile = Path.Combine(DataFolder, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private Task<(int ExitCode, string Output)> PgCtlAsync(string[] arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Path.Combine(_binFolder, "pg_ctl"), arguments, asPostgresUser: true, cancellationToken);

    private static async Task ChownToPostgresAsync(string path, CancellationToken cancellationToken)
    {
        var (code, output) = await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", path], asPostgresUser: false, cancellationToken);
        if (code != 0)
        {
            throw new HubStartupException($"Could not hand {path} to the postgres user: {output.Trim()}");
        }
    }

    private static string ResolveRootFolder(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        if (!ProcessRunner.RunningAsRoot)
        {
            return Path.Combine(contentRoot, ".data", "postgres");
        }

        // As root the checkout may sit under /root (mode 700), which the postgres user cannot enter; /var/lib is
        // reachable and, unlike /var/tmp, not cleaned by tmpfiles.
        var checkoutHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentRoot)))[..12];
        return Path.Combine("/var/lib", "integrationhub", checkoutHash);
    }

    private static string? UnreachableParent(string folder)
    {
        for (var dir = Path.GetDirectoryName(folder); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (!File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute))
            {
                return dir;
            }
        }

        return null;
    }

    private static string ReadOrCreatePassword(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        WritePrivate(path, password);
        return password;
    }

    /// <summary>Created readable by its owner only, so no other local user ever sees the superuser's password.</summary>
    private static void WritePrivate(string path, string text)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
