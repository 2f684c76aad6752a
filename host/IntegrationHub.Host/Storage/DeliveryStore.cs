using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Reads pending deliveries in message order and records attempt outcomes with their message-log lines. Open
/// deliveries are found in hub.open_deliveries (migration 0030: only the open ones, kept by triggers as deliveries change),
/// not in the monthly partitions of history, so the claim's work does not grow with the history. The statements run for
/// every batch (the claim, "anything due?") are prepared: planned once per pooled connection instead of once per batch
/// (the claim's join to the partitioned messages is kept generic by its database function).</summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource, PersonalData.PersonalDataPayloads? personalData = null)
{
    /// <summary>The next due messages in message order. Only a record's oldest open message is ever 'pending', so
    /// order per record holds without looking at other rows. A paused flow's are not claimed: no attempt is spent and
    /// none becomes a dead letter until it is resumed. Candidates are the oldest fresh deliveries and the retries due
    /// longest (so retries not yet due are never walked); of those, the lowest message ids. The statement is the
    /// database function hub.claim_due_deliveries (migration 0030), whose plan is generic and kept per connection.</summary>
    public async Task<IReadOnlyList<PendingDelivery>> ClaimBatchAsync(string flowId, string destination, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select message_id, record_key, business_key, version, payload, attempts, received_at, trace_parent
            from hub.claim_due_deliveries(@flow, @destination, @limit, @now)
            """, connection);
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("limit", limit);
        await command.PrepareAsync(cancellationToken);
        var batch = new List<PendingDelivery>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PendingDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return batch;
    }

    /// <param name="holdBehindDeadLetter">True: a dead letter keeps its record's later messages waiting until it is
    /// replayed or discarded (dossiers: order matters). False: the next message goes ahead.</param>
    public async Task RecordAsync(string flowId, string destination, IReadOnlyList<DeliveryResult> results, bool holdBehindDeadLetter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockFlowAsync(connection, transaction, flowId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            with r as (
                select * from unnest(@ids, @statuses, @attempts, @next, @codes, @errors, @events, @durations, @references, @notes)
                    as t(id, status, attempts, next_at, code, error, event, duration, reference, note)),
            updated as (
                update hub.deliveries d
                set status = r.status, attempts = r.attempts, next_attempt_at = r.next_at,
                    last_error_code = r.code, last_error = r.error, reference = r.reference, updated_at = @now
                from r where d.message_id = r.id and d.destination = @destination and d.status = 'pending'
                returning d.record_key, d.status),
            logged as (
                insert into hub.message_log (message_id, destination, event, detail, duration_ms, facts, at)
                select id, @destination, event, case when code is null then note else code || ': ' || coalesce(error, '') end, duration,
                       -- The counterparty's reference for what it accepted: evidence of the delivery.
                       case when reference is null then null else jsonb_build_object('reference', reference) end, @now from r),
            next_in_line as (
                -- Open deliveries as they were before this statement (its updates reach hub.open_deliveries at its end).
                select distinct on (w.record_key) w.message_id from hub.open_deliveries w
                where w.destination = @destination and w.flow_id = @flow and w.status = 'waiting'
                  and w.record_key in (select record_key from updated where status in ('delivered', 'skipped') or (status = 'dead' and not @hold))
                  -- Holding: nothing moves past an older dead letter of the record (e.g. an unstorable payload).
                  and not (@hold and exists (select 1 from hub.open_deliveries x
                                             where x.destination = w.destination and x.flow_id = w.flow_id and x.record_key = w.record_key
                                               and x.status = 'dead' and x.message_id < w.message_id))
                order by w.record_key, w.message_id)
            update hub.deliveries p set status = 'pending', updated_at = @now
            from next_in_line where p.message_id = next_in_line.message_id and p.destination = @destination
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", results.Select(r => r.MessageId).ToArray());
        command.Parameters.AddWithValue("statuses", results.Select(r => r.Status.ToString().ToLowerInvariant()).ToArray());
        command.Parameters.AddWithValue("attempts", results.Select(r => r.Attempts).ToArray());
        command.Parameters.AddWithValue("next", results.Select(r => r.NextAttemptAt?.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("codes", results.Select(r => r.ErrorCode).ToArray());
        // A counterparty's error can echo a personal id: kept encrypted like payloads (listings show it masked).
        command.Parameters.AddWithValue("errors", results.Select(r => r.Error is { } error && personalData is not null ? personalData.Protect(error) : r.Error).ToArray());
        command.Parameters.AddWithValue("events", results.Select(r => r.Event).ToArray());
        command.Parameters.AddWithValue("durations", results.Select(r => r.DurationMs).ToArray());
        // What the counterparty answered can echo the citizen's id (a receipt naming SoDinhDanh): kept encrypted too.
        command.Parameters.AddWithValue("references", results.Select(r => r.Reference is { } reference && personalData is not null ? personalData.Protect(reference) : r.Reference).ToArray());
        command.Parameters.AddWithValue("notes", results.Select(r => r.Note is { } note && personalData is not null ? personalData.Protect(note) : r.Note).ToArray());
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("hold", holdBehindDeadLetter);
        command.Parameters.AddWithValue("now", now);
        // Prepared like the claim: with wake-ups a batch may be a single push, and planning this over the partitions of
        // deliveries and the message log cost more than running it.
        await command.PrepareAsync(cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Serializes, per flow, adding deliveries and finishing them, so a message never becomes 'waiting' behind
    /// one that is finishing at the same moment (it would wait forever).</summary>
    public static async Task LockFlowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string flowId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('deliveries:' || @flow, 0))", connection, transaction);
        command.Parameters.AddWithValue("flow", flowId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether a claim would find anything now. Only a record's head is ever 'pending', so this is the
    /// claim's own condition, without reading payloads.</summary>
    public async Task<bool> HasDuePendingAsync(string flowId, string destination, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select (exists (select 1 from hub.open_deliveries o
                        where o.destination = @destination and o.flow_id = @flow and o.status = 'pending' and o.next_attempt_at is null)
                    or exists (select 1 from hub.open_deliveries o
                        where o.destination = @destination and o.flow_id = @flow and o.status = 'pending' and o.next_attempt_at is not null and o.next_attempt_at <= @now))
              and not exists (select 1 from hub.flow_pauses p where p.flow_id = @flow)
            """, connection);
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("now", now);
        await command.PrepareAsync(cancellationToken);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The messages still open (pending or waiting) for a flow and destination.</summary>
    public async Task<long> CountOpenAsync(string flowId, string destination, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) from hub.open_deliveries where destination = @destination and flow_id = @flow and status in ('pending', 'waiting')");
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("flow", flowId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>(flow, destination) pairs with messages due now (a paused flow's are not due).</summary>
    public async Task<IReadOnlyList<(string FlowId, string Destination)>> DuePendingPairsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select distinct d.flow_id, d.destination from hub.open_deliveries d
            where d.status = 'pending' and (d.next_attempt_at is null or d.next_attempt_at <= @now)
              and not exists (select 1 from hub.flow_pauses p where p.flow_id = d.flow_id)
            """);
        command.Parameters.AddWithValue("now", now);
        return await ReadPairsAsync(command, cancellationToken);
    }

    /// <summary>(flow, destination) pairs with pending deliveries: what a restarted host must resume (a paused flow
    /// waits for its resume, which enqueues its deliveries).</summary>
    public async Task<IReadOnlyList<(string FlowId, string Destination)>> PendingPairsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select distinct d.flow_id, d.destination from hub.open_deliveries d where d.status = 'pending' and not exists (select 1 from hub.flow_pauses p where p.flow_id = d.flow_id)");
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

    /// <summary>Read from the counters the database keeps as messages and deliveries change (migration 0014), not by
    /// counting history: a handful of rows per flow whatever its age.</summary>
    public async Task<FlowCounts> CountsAsync(string flowId, CancellationToken cancellationToken) =>
        (await CountsAsync([flowId], cancellationToken))[flowId];

    /// <summary><see cref="CountsAsync(string, CancellationToken)"/> of several flows in one query (zeros for a flow with no messages).</summary>
    public async Task<IReadOnlyDictionary<string, FlowCounts>> CountsAsync(IReadOnlyList<string> flowIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select f.flow_id,
                coalesce(sum(c.n) filter (where c.state = 'received'), 0)::bigint,
                coalesce(sum(c.n) filter (where c.state = 'delivered'), 0)::bigint,
                coalesce(sum(c.n) filter (where c.state = 'skipped'), 0)::bigint,
                coalesce(sum(c.n) filter (where c.state = 'failing'), 0)::bigint,
                coalesce(sum(c.n) filter (where c.state = 'dead'), 0)::bigint,
                coalesce(sum(c.n) filter (where c.state in ('pending', 'failing', 'waiting')), 0)::bigint,
                coalesce(sum(c.n) filter (where c.state = 'waiting'), 0)::bigint
            from unnest(@flows) as f(flow_id)
            left join hub.flow_counters c on c.flow_id = f.flow_id
            group by f.flow_id
            """);
        command.Parameters.AddWithValue("flows", flowIds.ToArray());
        var counts = new Dictionary<string, FlowCounts>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = new FlowCounts(
                reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
        }

        return counts;
    }
}
