using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary><c>hub.counterparty_health</c>: each counterparty's calls as every host saw them, merged row by row.</summary>
public sealed class CounterpartyHealthStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "connector_id, last_success_at, failing_since, last_failure_at, failures_since, last_failure_kind";

    /// <summary>Adds one host's observation to the counterparty's row (locked, so hosts flushing at once all count).</summary>
    public async Task<CounterpartyHealth> MergeAsync(CounterpartyHealthObservation seen, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var ensure = new NpgsqlCommand("insert into hub.counterparty_health (connector_id) values (@id) on conflict do nothing", connection, transaction))
        {
            ensure.Parameters.AddWithValue("id", seen.ConnectorId);
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        CounterpartyHealth current;
        await using (var read = new NpgsqlCommand($"select {Columns} from hub.counterparty_health where connector_id = @id for update", connection, transaction))
        {
            read.Parameters.AddWithValue("id", seen.ConnectorId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            current = Read(reader);
        }

        var merged = current.Merge(seen);
        await using (var write = new NpgsqlCommand(
            """
            update hub.counterparty_health set last_success_at = @success, failing_since = @since, last_failure_at = @failure,
                failures_since = @failures, last_failure_kind = @kind where connector_id = @id
            """, connection, transaction))
        {
            write.Parameters.AddWithValue("id", merged.ConnectorId);
            write.Parameters.AddWithValue("success", (object?)merged.LastSuccess ?? DBNull.Value);
            write.Parameters.AddWithValue("since", (object?)merged.FailingSince ?? DBNull.Value);
            write.Parameters.AddWithValue("failure", (object?)merged.LastFailure ?? DBNull.Value);
            write.Parameters.AddWithValue("failures", merged.Failures);
            write.Parameters.AddWithValue("kind", (object?)merged.LastFailureKind ?? DBNull.Value);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return merged;
    }

    /// <summary>Every counterparty's row, by connector id.</summary>
    public async Task<IReadOnlyDictionary<string, CounterpartyHealth>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.counterparty_health");
        var all = new Dictionary<string, CounterpartyHealth>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var health = Read(reader);
            all[health.ConnectorId] = health;
        }

        return all;
    }

    private static CounterpartyHealth Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), Time(reader, 1), Time(reader, 2), Time(reader, 3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5));

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
