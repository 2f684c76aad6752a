using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Reads pending deliveries in message order and records attempt outcomes with their message-log lines.</summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource)
{
    /// <summary>The next due messages in message order, at most one per record key, and none whose record has an
    /// older message still pending for this destination.</summary>
    public async Task<IReadOnlyList<PendingDelivery>> ClaimBatchAsync(string flowId, string destination, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select d.message_id, m.record_key, m.business_key, m.payload::text, d.attempts
            from hub.deliveries d join hub.messages m on m.id = d.message_id
            where d.destination = @destination and m.flow_id = @flow and d.status = 'pending'
              and (d.next_attempt_at is null or d.next_attempt_at <= @now)
              -- Messages of one record go out in order: none overtakes an older one still pending (e.g. deferred).
              and not exists (
                  select 1 from hub.messages older join hub.deliveries od on od.message_id = older.id and od.destination = d.destination
                  where older.flow_id = m.flow_id and older.record_key = m.record_key and older.id < m.id and od.status = 'pending')
            order by d.message_id
            limit @limit
            """);
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("limit", limit);
        var batch = new List<PendingDelivery>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PendingDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return batch;
    }

    public async Task RecordAsync(string destination, IReadOnlyList<DeliveryResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            """
            with r as (
                select * from unnest(@ids, @statuses, @attempts, @next, @codes, @errors, @events, @durations)
                    as t(id, status, attempts, next_at, code, error, event, duration)),
            updated as (
                update hub.deliveries d
                set status = r.status, attempts = r.attempts, next_attempt_at = r.next_at,
                    last_error_code = r.code, last_error = r.error, updated_at = @now
                from r where d.message_id = r.id and d.destination = @destination)
            insert into hub.message_log (message_id, destination, event, detail, duration_ms, at)
            select id, @destination, event, case when code is null then null else code || ': ' || coalesce(error, '') end, duration, @now from r
            """);
        command.Parameters.AddWithValue("ids", results.Select(r => r.MessageId).ToArray());
        command.Parameters.AddWithValue("statuses", results.Select(r => r.Status.ToString().ToLowerInvariant()).ToArray());
        command.Parameters.AddWithValue("attempts", results.Select(r => r.Attempts).ToArray());
        command.Parameters.AddWithValue("next", results.Select(r => r.NextAttemptAt?.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("codes", results.Select(r => r.ErrorCode).ToArray());
        command.Parameters.AddWithValue("errors", results.Select(r => r.Error).ToArray());
        command.Parameters.AddWithValue("events", results.Select(r => r.Event).ToArray());
        command.Parameters.AddWithValue("durations", results.Select(r => r.DurationMs).ToArray());
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> HasDuePendingAsync(string flowId, string destination, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select exists (select 1 from hub.deliveries d join hub.messages m on m.id = d.message_id
                where d.destination = @destination and m.flow_id = @flow and d.status = 'pending'
                  and (d.next_attempt_at is null or d.next_attempt_at <= @now))
            """);
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>(flow, destination) pairs with messages due now.</summary>
    public async Task<IReadOnlyList<(string FlowId, string Destination)>> DuePendingPairsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select distinct m.flow_id, d.destination from hub.deliveries d join hub.messages m on m.id = d.message_id
            where d.status = 'pending' and (d.next_attempt_at is null or d.next_attempt_at <= @now)
            """);
        command.Parameters.AddWithValue("now", now);
        return await ReadPairsAsync(command, cancellationToken);
    }

    /// <summary>(flow, destination) pairs with pending deliveries: what a restarted host must resume.</summary>
    public async Task<IReadOnlyList<(string FlowId, string Destination)>> PendingPairsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select distinct m.flow_id, d.destination from hub.deliveries d join hub.messages m on m.id = d.message_id where d.status = 'pending'");
        return await ReadPairsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<(string FlowId, string Destination)>> ReadPairsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }

    public async Task<FlowCounts> CountsAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select
                (select count(*) from hub.messages where flow_id = @flow),
                count(*) filter (where d.status = 'delivered'),
                count(*) filter (where d.status = 'pending' and d.attempts > 0),
                count(*) filter (where d.status = 'dead'),
                count(*) filter (where d.status = 'pending')
            from hub.deliveries d join hub.messages m on m.id = d.message_id
            where m.flow_id = @flow
            """);
        command.Parameters.AddWithValue("flow", flowId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new FlowCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
