using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>A PostgreSQL session advisory lock held on its own connection: works across host processes, and is
/// released by the server if the holder dies (SIGKILL), so a crash never leaves a flow locked.</summary>
public sealed class FlowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _name;

    private FlowLock(NpgsqlConnection connection, string name)
    {
        _connection = connection;
        _name = name;
    }

    public static async Task<FlowLock?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended(@name, 0))", connection);
            command.Parameters.AddWithValue("name", name);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new FlowLock(connection, name);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Waits for the lock (another host's holder finishing), bounded by <paramref name="cancellationToken"/>
    /// rather than the command timeout.</summary>
    public static async Task<FlowLock> AcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_lock(hashtextextended(@name, 0))", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("name", name);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new FlowLock(connection, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when some session holds the lock now. Reads pg_locks instead of taking the lock, so asking
    /// never makes a real holder fail to get it.</summary>
    public static async Task<bool> IsHeldAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select exists (select 1 from pg_locks
                where locktype = 'advisory' and objsubid = 1 and granted and database = (select oid from pg_database where datname = current_database())
                  and ((classid::bigint << 32) | objid::bigint) = hashtextextended(@name, 0))
            """);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A pooled connection outlives Close, so the session lock must be released explicitly.
            await using var command = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended(@name, 0))", _connection);
            command.Parameters.AddWithValue("name", _name);
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The lock may still be held on this session: drop the physical connection instead of pooling it.
            NpgsqlConnection.ClearPool(_connection);
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
