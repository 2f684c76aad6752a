using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Message history by business key (MaHoSo, MaTTHC...), oldest message first, each with its steps in order.</summary>
public sealed class MessageHistoryStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<MessageHistory>> FindAsync(string businessKey, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var messages = new List<(long Id, string Flow, string Record, string Business, string Version, DateTimeOffset At, string Payload, string? TraceParent)>();
        await using (var command = new NpgsqlCommand(
            "select id, flow_id, record_key, business_key, version, received_at, payload::text, trace_parent from hub.messages where business_key = @key order by id limit @limit", connection))
        {
            command.Parameters.AddWithValue("key", businessKey);
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }

        var ids = messages.Select(m => m.Id).ToArray();
        var deliveries = ids.ToDictionary(id => id, _ => new List<MessageDeliveryState>());
        await using (var command = new NpgsqlCommand(
            "select message_id, destination, status, attempts, last_error_code, last_error, updated_at, reference from hub.deliveries where message_id = any(@ids) order by destination", connection))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deliveries[reader.GetInt64(0)].Add(new MessageDeliveryState(reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }

        var steps = ids.ToDictionary(id => id, _ => new List<MessageLogEntry>());
        await using (var command = new NpgsqlCommand(
            """
            select l.message_id, l.at, l.event, l.destination, l.detail, l.duration_ms, l.action_id, a.operator, a.reason
            from hub.message_log l left join hub.operator_actions a on a.id = l.action_id
            where l.message_id = any(@ids) order by l.id
            """, connection))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                steps[reader.GetInt64(0)].Add(ReadStep(reader, 1));
            }
        }

        return messages.Select(m => new MessageHistory(m.Id, m.Flow, m.Record, m.Business, m.Version, m.At, m.Payload, deliveries[m.Id], steps[m.Id],
            Observability.HubTracing.TraceIdOf(m.TraceParent))).ToList();
    }

    /// <summary>Every step of every message of a business key, oldest message first and each one's steps in order, read as
    /// the caller takes them (an export).</summary>
    public async IAsyncEnumerable<MessageHistoryStep> StreamStepsAsync(string businessKey, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select m.id, m.flow_id, m.record_key, m.version, m.received_at,
                   l.at, l.event, l.destination, l.detail, l.duration_ms, l.action_id, a.operator, a.reason
            from hub.messages m
            join hub.message_log l on l.message_id = m.id
            left join hub.operator_actions a on a.id = l.action_id
            where m.business_key = @key
            order by m.id, l.id
            """, connection);
        command.Parameters.AddWithValue("key", businessKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new MessageHistoryStep(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), ReadStep(reader, 5));
        }
    }

    /// <summary>A step from its 8 columns (at, event, destination, detail, duration, action, operator, reason) from <paramref name="first"/> on.</summary>
    private static MessageLogEntry ReadStep(NpgsqlDataReader reader, int first)
    {
        string? Text(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        return new MessageLogEntry(reader.GetFieldValue<DateTimeOffset>(first), reader.GetString(first + 1), Text(2), Text(3),
            reader.IsDBNull(first + 4) ? null : reader.GetInt32(first + 4), reader.IsDBNull(first + 5) ? null : reader.GetInt64(first + 5), Text(6), Text(7));
    }
}
