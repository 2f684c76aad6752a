using System.Globalization;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>The running host's embedded PostgreSQL, read after a run: the port from pgdata/postmaster.pid, the password
/// from hub-password (the benchmark runs as the host's user).</summary>
internal static class HubDatabase
{
    private const string LatencySql =
        """
        select percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from l.at - m.received_at)), count(*)
        from hub.message_log l join hub.messages m on m.id = l.message_id
        where l.event = 'delivered'
        """;

    private const string RunsStartedSql = "select min(started_at) from hub.flow_runs where flow_id = any(@flows)";

    public static async Task<(DateTimeOffset RunsStarted, DeliveryLatency Latency)> ReadAsync(BenchFolder folder, IReadOnlyList<string> flows, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(folder));
        await connection.OpenAsync(cancellationToken);
        await using var started = new NpgsqlCommand(RunsStartedSql, connection);
        started.Parameters.AddWithValue("flows", flows.ToArray());
        var runsStarted = await started.ExecuteScalarAsync(cancellationToken) is DateTime at
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : throw new BenchmarkException("The hub recorded no run of the dossier flows.");

        await using var latency = new NpgsqlCommand(LatencySql, connection);
        await using var reader = await latency.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var percentiles = reader.IsDBNull(0) ? [double.NaN, double.NaN] : reader.GetFieldValue<double[]>(0);
        return (runsStarted, new DeliveryLatency(percentiles[0], percentiles[1], reader.GetInt64(1)));
    }

    /// <summary>The embedded cluster's port (postmaster.pid: pid, data folder, start time, port, ...) and the hub user's password.</summary>
    public static (int Port, string Password) Endpoint(BenchFolder folder)
    {
        var port = File.ReadLines(Path.Combine(folder.PgData, "postmaster.pid")).Skip(3).FirstOrDefault();
        return (
            int.Parse(port ?? throw new BenchmarkException("postmaster.pid has no port line."), NumberStyles.None, CultureInfo.InvariantCulture),
            File.ReadAllText(Path.Combine(folder.PostgresFolder, "hub-password")).Trim());
    }

    public static string ConnectionString(BenchFolder folder)
    {
        var (port, password) = Endpoint(folder);
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "hub",
            Password = password,
            Database = "integrationhub",
            Pooling = false,
        }.ConnectionString;
    }
}
