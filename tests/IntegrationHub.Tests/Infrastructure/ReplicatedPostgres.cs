using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A primary PostgreSQL cluster and a streaming-replication standby made from it with <c>pg_basebackup -R</c>,
/// each its own postmaster on 127.0.0.1, commits waiting for the standby (<c>synchronous_standby_names = '*'</c>), as a
/// managed or Patroni pair runs. fsync is off (a killed postmaster loses nothing the OS has, and the tests share a
/// small machine); synchronous commit stays on, which is what makes an acknowledged commit survive the switch.</summary>
public sealed class ReplicatedPostgres : IAsyncDisposable
{
    public const string Database = "hub";
    private const string UserName = "hub";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine("/tmp", "integrationhub-tests", "failover-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly string _bin = PostgresBinaries.Find(null) ?? throw new InvalidOperationException(PostgresBinaries.InstallHint);

    private bool _primaryKilled;

    private ReplicatedPostgres()
    {
    }

    public int PrimaryPort { get; } = HubProcess.FreePort();

    public int StandbyPort { get; } = HubProcess.FreePort();

    private string PrimaryData => Path.Combine(_folder, "primary");

    private string StandbyData => Path.Combine(_folder, "standby");

    /// <summary>What the hub is given: both servers, and only the one that takes writes will do.</summary>
    public string MultiHostConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = $"127.0.0.1:{PrimaryPort},127.0.0.1:{StandbyPort}",
        Username = UserName,
        Password = _password,
        Database = Database,
        TargetSessionAttributes = "read-write",
    }.ConnectionString;

    /// <summary>One server only, no pooling (the test's own look at a server).</summary>
    public string ConnectionStringOf(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = UserName,
        Password = _password,
        Database = Database,
        Pooling = false,
        Timeout = 5,
    }.ConnectionString;

    public static async Task<ReplicatedPostgres> StartAsync()
    {
        var pair = new ReplicatedPostgres();
        try
        {
            await pair.StartPairAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>The primary's machine dies: SIGKILL to its postmaster and every backend (each backend is its own process
    /// group, so they are found by parent, with the postmaster stopped first so it forks no new one); nothing shuts down
    /// cleanly. Returns once none is left, so no connection to it answers any more.</summary>
    public async Task KillPrimaryAsync()
    {
        var postmaster = PostmasterPid(PrimaryData);
        await SignalAsync("-STOP", [postmaster]);
        List<int> processes = [postmaster, .. Processes().Where(p => p.Parent == postmaster).Select(p => p.Id)];
        await SignalAsync("-KILL", processes);
        _primaryKilled = true;
        await Eventually.HoldsAsync(() => !Processes().Any(p => processes.Contains(p.Id)), Patience, "the primary's processes gone");
    }

    /// <summary>What Patroni or a managed service does once the primary is gone: the standby becomes the primary.</summary>
    public async Task PromoteStandbyAsync() =>
        await RunAsync("pg_ctl", ["-D", StandbyData, "-w", "-t", "60", "promote"]);

    /// <summary>Whether the standby still replays (true) or has been promoted (false).</summary>
    public async Task<bool> StandbyIsInRecoveryAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionStringOf(StandbyPort));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_is_in_recovery()", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task StartPairAsync()
    {
        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(Path.GetDirectoryName(_folder)!, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        await ChownAsync(_folder);

        var passwordFile = Path.Combine(_folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, _password);
        await ChownAsync(passwordFile);
        await RunAsync("initdb", ["-D", PrimaryData, "-U", UserName, "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
        File.Delete(passwordFile);
        await StartServerAsync(PrimaryData, PrimaryPort, "primary");

        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionStringOf(PrimaryPort)) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {Database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        // -R writes standby.signal and primary_conninfo (with the password given here) into the copy.
        var source = string.Create(CultureInfo.InvariantCulture, $"host=127.0.0.1 port={PrimaryPort} user={UserName} password={_password}");
        await RunAsync("pg_basebackup", ["-d", source, "-D", StandbyData, "-R", "-X", "stream", "-c", "fast"]);
        await StartServerAsync(StandbyData, StandbyPort, "standby");

        // Only now does the primary wait for the standby (its copy was taken before, so once promoted it waits for nobody).
        await using (var admin = new NpgsqlConnection(ConnectionStringOf(PrimaryPort)))
        {
            await admin.OpenAsync();
            await using (var set = new NpgsqlCommand("alter system set synchronous_standby_names = '*'", admin))
            {
                await set.ExecuteNonQueryAsync();
            }

            await using (var reload = new NpgsqlCommand("select pg_reload_conf()", admin))
            {
                await reload.ExecuteScalarAsync();
            }

            await Eventually.ReturnsAsync(
                async () =>
                {
                    await using var state = new NpgsqlCommand("select string_agg(sync_state, ',') from pg_stat_replication", admin);
                    return (await state.ExecuteScalarAsync()) as string;
                },
                s => s == "sync", Patience, "the standby streaming synchronously");
        }
    }

    private async Task StartServerAsync(string dataFolder, int port, string name)
    {
        var logFile = Path.Combine(_folder, name + ".log");
        await File.WriteAllTextAsync(logFile, string.Empty);
        await ChownAsync(logFile);
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=off -c full_page_writes=off -c cluster_name={name} -c wal_keep_size=128MB");
        await RunAsync("pg_ctl", ["-D", dataFolder, "-l", logFile, "-w", "-t", "60", "-o", settings, "start"]);
    }

    private static async Task SignalAsync(string signal, IEnumerable<int> processIds)
    {
        using var kill = Process.Start("kill", [signal, .. processIds.Select(id => id.ToString(CultureInfo.InvariantCulture))]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Live processes (not zombies) with their parent: /proc/[pid]/stat's state and ppid fields.</summary>
    private static List<(int Id, int Parent)> Processes()
    {
        var processes = new List<(int, int)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(folder), out var id))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(System.IO.Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z")
                {
                    processes.Add((id, int.Parse(fields[1], CultureInfo.InvariantCulture)));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }

        return processes;
    }

    private static int PostmasterPid(string dataFolder) =>
        int.Parse(File.ReadLines(Path.Combine(dataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private async Task RunAsync(string program, string[] arguments)
    {
        var (code, output) = await ProcessRunner.RunAsync(Path.Combine(_bin, program), arguments, asPostgresUser: true, CancellationToken.None);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments.Where(a => !a.Contains("password", StringComparison.Ordinal)))} failed ({code}): {output}");
        }
    }

    private static async Task ChownAsync(string path)
    {
        if (ProcessRunner.RunningAsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", path], asPostgresUser: false, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A killed primary's stale postmaster.pid is left alone: its pid may belong to another process by now.
        foreach (var data in _primaryKilled ? [StandbyData] : new[] { PrimaryData, StandbyData })
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"], asPostgresUser: true, CancellationToken.None);
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
