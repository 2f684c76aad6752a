using Npgsql;

namespace IntegrationHub.Host.Connectivity;

/// <summary>The latest check per connector in <c>hub.connector_checks</c>, so every hub process and page sees the same.</summary>
public sealed class ConnectivityCheckStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "connector_id, checked_at, succeeded, failure_kind, failure_code, problems, duration_ms, trigger, checked_by, last_success_at, failing_since";

    /// <summary>Records <paramref name="check"/> as the latest, keeping when the connector last succeeded and since when it fails.</summary>
    /// <returns>The check as stored.</returns>
    public async Task<ConnectivityCheck> RecordAsync(ConnectivityCheck check, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into hub.connector_checks as c ({Columns})
            values (@id, @at, @ok, @kind, @code, @problems, @ms, @trigger, @by,
                    case when @ok then @at end, case when @ok then null else @at end)
            on conflict (connector_id) do update set
                checked_at = excluded.checked_at, succeeded = excluded.succeeded, failure_kind = excluded.failure_kind,
                failure_code = excluded.failure_code, problems = excluded.problems, duration_ms = excluded.duration_ms,
                trigger = excluded.trigger, checked_by = excluded.checked_by,
                last_success_at = case when excluded.succeeded then excluded.checked_at else c.last_success_at end,
                failing_since = case when excluded.succeeded then null else coalesce(c.failing_since, excluded.checked_at) end
            returning {Columns}
            """);
        command.Parameters.AddWithValue("id", check.ConnectorId);
        command.Parameters.AddWithValue("at", check.CheckedAt);
        command.Parameters.AddWithValue("ok", check.Succeeded);
        command.Parameters.AddWithValue("kind", (object?)check.FailureKind ?? DBNull.Value);
        command.Parameters.AddWithValue("code", (object?)check.FailureCode ?? DBNull.Value);
        command.Parameters.AddWithValue("problems", check.Problems.ToArray());
        command.Parameters.AddWithValue("ms", check.DurationMs);
        command.Parameters.AddWithValue("trigger", check.Trigger);
        command.Parameters.AddWithValue("by", (object?)check.CheckedBy ?? DBNull.Value);
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    /// <summary>The latest check of every connector checked so far, by id.</summary>
    public async Task<IReadOnlyDictionary<string, ConnectivityCheck>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from hub.connector_checks");
        return (await ReadAsync(command, cancellationToken)).ToDictionary(c => c.ConnectorId, StringComparer.Ordinal);
    }

    private static async Task<List<ConnectivityCheck>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var checks = new List<ConnectivityCheck>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            checks.Add(new ConnectivityCheck(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<string[]>(5),
                reader.GetInt32(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return checks;
    }
}
