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

    /// <summary>True when somebody holds the lock right now (probe: take it and give it back).</summary>
    public static async Task<bool> IsHeldAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        var probe = await TryAcquireAsync(dataSource, name, cancellationToken);
        if (probe is null)
        {
            return true;
        }

        await probe.DisposeAsync();
        return false;
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
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
