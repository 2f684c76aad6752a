using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>A flow's delivery locks held on one connection for a whole measurement, as by a delivery under way on
/// another host. The names and keys are the hub's (DeliveryRunner.DeliverLockName, FlowLock); the benchmark does not
/// reference the host's assembly.</summary>
internal sealed class DeliveryLocks : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private DeliveryLocks(NpgsqlConnection connection) => _connection = connection;

    public static async Task<DeliveryLocks> HoldAsync(string database, string flowId, IEnumerable<string> destinations, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        foreach (var destination in destinations)
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended(@name, 0))", connection);
            command.Parameters.AddWithValue("name", $"flow-deliver:{flowId}:{destination}");
            if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await connection.DisposeAsync();
                throw new BenchmarkException($"The delivery lock of {flowId} -> {destination} is taken: something delivers during the benchmark.");
            }
        }

        return new DeliveryLocks(connection);
    }

    /// <summary>Closing the session lets its advisory locks go.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
