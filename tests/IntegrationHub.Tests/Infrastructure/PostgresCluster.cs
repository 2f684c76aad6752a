using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL cluster for the test run (fsync off), started the way the host starts its own;
/// each test takes a fresh database in it.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine("/tmp", "integrationhub-tests", Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedPostgres? _postgres;
    private int _databases;
    private string? _latestDatabase;

    public string AdminConnectionString => _postgres!.ConnectionString;

    public string Folder => _folder;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder)!);
        File.SetUnixFileMode(Path.GetDirectoryName(_folder)!, (UnixFileMode)0b111_101_101);
        _postgres = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataFolder = _folder, Fsync = false, Database = "postgres" }, _folder, NullLogger.Instance);
        _postgres.Prepare();
        await _postgres.StartAsync(CancellationToken.None);
    }

    /// <summary>A new empty database; returns its connection string. Tests of the collection run one after another, so
    /// connections still open to databases before the latest are leftovers (a disposed hub's Hangfire storage keeps a few
    /// open): they are closed here, or a long run would use up the server's slots. The latest database's are left alone:
    /// a test may make a second database while its hub still runs.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using (var close = new NpgsqlCommand(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname like 'test\\_%' and datname <> @latest and pid <> pg_backend_pid()", connection))
            {
                close.Parameters.AddWithValue("latest", _latestDatabase ?? string.Empty);
                await close.ExecuteScalarAsync();
            }

            await using var command = new NpgsqlCommand($"create database {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _latestDatabase = name;

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server (fast shutdown) but keeps the cluster: the folder lock and port stay ours, so
    /// <see cref="StartServerAsync"/> brings the same cluster back on the same port. For outage tests: always restart in a finally.</summary>
    public async Task StopServerAsync()
    {
        await EmbeddedPostgres.StopLeftoverAsync(_folder);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the server again after <see cref="StopServerAsync"/>, on the same port.</summary>
    public async Task StartServerAsync()
    {
        await _postgres!.StartAsync(CancellationToken.None);
        NpgsqlConnection.ClearAllPools(); // the tests' own pooled connections died with the server
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.StopAsync();
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
