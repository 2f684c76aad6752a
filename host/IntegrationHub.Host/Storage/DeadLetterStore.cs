using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Host.Storage;

/// <summary>Finds dead letters and replays or discards them as one recorded operator action. Each affected message
/// gets a message-log line linked to the action (who, why).</summary>
public sealed class DeadLetterStore(NpgsqlDataSource dataSource)
{
    public const int MaxPerAction = 10_000;

    private const string Filter = """
        d.status = 'dead'
        and (@flow is null or d.flow_id = @flow)
        and (@code is null or d.last_error_code = @code)
        and (@from is null or d.updated_at >= @from)
        and (@to is null or d.updated_at < @to)
        and (@business_key is null or m.business_key = @business_key)
        and (@destination is null or d.destination = @destination)
        and (@ids is null or d.message_id = any(@ids))
        """;

    public async Task<(int Total, IReadOnlyList<DeadLetter> Items)> FindAsync(DeadLetterSelection selection, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var count = new NpgsqlCommand($"select count(*) from hub.deliveries d join hub.messages m on m.id = d.message_id where {Filter}", connection);
        Bind(count, selection);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        await using var command = new NpgsqlCommand($"{Select("m.payload::text")} limit @limit", connection);
        Bind(command, selection);
        command.Parameters.AddWithValue("limit", limit);
        var items = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return (total, items);
    }

    /// <summary>A page of the selection's dead letters (an empty selection: all), in message and destination order,
    /// from <paramref name="after"/> on, without payloads, and their number counted up to <paramref name="countCap"/>.
    /// Read from hub.open_deliveries (migration 0030) with only the given criteria, then the page's rows joined to
    /// their delivery and message: the work is the page and the cap, whatever the number of dead letters or the history.</summary>
    public async Task<DeadLetterListing> PageAsync(
        DeadLetterSelection selection, (long MessageId, string Destination)? after, int pageSize, int countCap, CancellationToken cancellationToken)
    {
        // Only the given criteria: a business key is then a semi-join driven by the messages' business-key index.
        (bool Given, string Sql)[] criteria =
        [
            (true, "o.status = 'dead'"),
            (selection.FlowId is not null, "o.flow_id = @flow"),
            (selection.ErrorCode is not null, "o.last_error_code = @code"),
            (selection.From is not null, "o.updated_at >= @from"),
            (selection.To is not null, "o.updated_at < @to"),
            (selection.BusinessKey is not null, "o.message_id in (select m.id from hub.messages m where m.business_key = @business_key)"),
            (selection.Destination is not null, "o.destination = @destination"),
            (selection.MessageIds is { Count: > 0 }, "o.message_id = any(@ids)"),
        ];
        var where = string.Join(" and ", criteria.Where(c => c.Given).Select(c => c.Sql));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var count = new NpgsqlCommand($"select count(*) from (select 1 from hub.open_deliveries o where {where} limit @cap) c", connection);
        Bind(count, selection);
        count.Parameters.AddWithValue("cap", countCap + 1);
        var counted = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        var from = after is null ? string.Empty : " and (o.message_id, o.destination) > (@after_id, @after_destination)";
        await using var command = new NpgsqlCommand(
            $"""
            with page as materialized (
                select o.message_id, o.destination from hub.open_deliveries o
                where {where}{from}
                order by o.message_id, o.destination
                limit @limit)
            select d.message_id, d.flow_id, d.destination, d.record_key, m.business_key, d.last_error_code, d.last_error, d.attempts, d.updated_at, '',
                   (select count(*) from hub.open_deliveries w where w.destination = d.destination and w.flow_id = d.flow_id
                        and w.record_key = d.record_key and w.status = 'waiting')
            from page p
            join hub.deliveries d on d.message_id = p.message_id and d.destination = p.destination
            join hub.messages m on m.id = d.message_id
            order by p.message_id, p.destination
            """, connection);
        Bind(command, selection);
        command.Parameters.AddWithValue("limit", pageSize + 1);
        command.Parameters.AddWithValue("after_id", after?.MessageId ?? 0L);
        command.Parameters.AddWithValue("after_destination", after?.Destination ?? string.Empty);
        var items = new List<DeadLetter>(pageSize + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        (long, string)? next = null;
        if (items.Count > pageSize)
        {
            items.RemoveAt(pageSize);
            next = (items[^1].MessageId, items[^1].Destination);
        }

        return new DeadLetterListing(Math.Min(counted, countCap), counted > countCap, countCap, items, next);
    }

    /// <summary>Every dead letter of the selection (an empty one: all), in message order, read as the caller takes them
    /// (an export), without their payloads.</summary>
    public async IAsyncEnumerable<DeadLetter> StreamAsync(DeadLetterSelection selection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Select("''"), connection);
        Bind(command, selection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    /// <summary>Dead letters go back to the queue (pending, or waiting behind an older open message of their record),
    /// with their attempt count reset. One whose record has a newer version delivered since is set aside as
    /// 'superseded' instead: sending it would put the destination back on an older version.</summary>
    public Task<OperatorActionResult> ReplayAsync(DeadLetterSelection selection, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ActAsync("replay", selection, operatorName, reason, now, cancellationToken);

    /// <summary>Dead letters are set aside for good; the next waiting message of each record moves up.</summary>
    public Task<OperatorActionResult> DiscardAsync(DeadLetterSelection selection, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ActAsync("discard", selection, operatorName, reason, now, cancellationToken);

    private async Task<OperatorActionResult> ActAsync(string action, DeadLetterSelection selection, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Same per-flow locks as deliveries take, so a replayed or promoted message never races a delivery's promotion.
        var flows = new List<string>();
        await using (var find = new NpgsqlCommand($"select distinct d.flow_id from hub.deliveries d join hub.messages m on m.id = d.message_id where {Filter} order by 1", connection, transaction))
        {
            Bind(find, selection);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                flows.Add(reader.GetString(0));
            }
        }

        foreach (var flow in flows)
        {
            await DeliveryStore.LockFlowAsync(connection, transaction, flow, cancellationToken);
        }

        var change = action == "replay"
            ? """
              update hub.deliveries d
              -- Only a record's oldest replayed message may be pending, and only if nothing open or dead is ahead of it
              -- (this statement cannot see its own updates, so siblings are ranked instead).
              set status = case when p.superseded then 'discarded'
                                when p.rank = 1
                                 and not exists (select 1 from hub.deliveries o where o.destination = d.destination and o.flow_id = d.flow_id
                                                     and o.record_key = d.record_key and o.status in ('pending', 'waiting'))
                                 and not exists (select 1 from hub.deliveries o where o.destination = d.destination and o.flow_id = d.flow_id
                                                     and o.record_key = d.record_key and o.status = 'dead' and o.message_id < d.message_id
                                                     and not exists (select 1 from picked q where q.message_id = o.message_id and q.destination = o.destination))
                                then 'pending' else 'waiting' end,
                  last_error = case when p.superseded then 'superseded: a newer version of the record was already delivered' else d.last_error end,
                  attempts = 0, next_attempt_at = null, updated_at = @now
              from picked p where d.message_id = p.message_id and d.destination = p.destination
              returning d.message_id, d.destination, d.flow_id, d.record_key, p.superseded
              """
            : """
              update hub.deliveries d set status = 'discarded', updated_at = @now
              from picked p where d.message_id = p.message_id and d.destination = p.destination
              returning d.message_id, d.destination, d.flow_id, d.record_key, false as superseded
              """;
        var promote = action == "replay" ? "select 0" : """
            update hub.deliveries w set status = 'pending', updated_at = @now
            from (select distinct on (n.destination, n.flow_id, n.record_key) n.message_id, n.destination from hub.deliveries n
                  join changed c on c.destination = n.destination and c.flow_id = n.flow_id and c.record_key = n.record_key
                  where n.status = 'waiting'
                    -- (This statement still sees the discarded rows as dead: leave them out.)
                    and not exists (select 1 from hub.deliveries o where o.destination = n.destination and o.flow_id = n.flow_id
                                        and o.record_key = n.record_key and o.status in ('pending', 'dead')
                                        and not exists (select 1 from picked p where p.message_id = o.message_id and p.destination = o.destination))
                  order by n.destination, n.flow_id, n.record_key, n.message_id) next_in_line
            where w.message_id = next_in_line.message_id and w.destination = next_in_line.destination
            """;
        await using var command = new NpgsqlCommand(
            $"""
            with locked_rows as (
                select d.message_id, d.destination, d.flow_id, d.record_key
                from hub.deliveries d join hub.messages m on m.id = d.message_id
                where {Filter} and d.flow_id = any(@locked)
                order by d.message_id
                limit {MaxPerAction}
                for update of d),
            marked as (
                select l.*,
                       -- A newer version of the record was delivered since: replaying this one would send an older version.
                       exists (select 1 from hub.deliveries n where n.destination = l.destination and n.flow_id = l.flow_id
                                   and n.record_key = l.record_key and n.message_id > l.message_id and n.status = 'delivered') as superseded
                from locked_rows l),
            picked as (
                select m.message_id, m.destination, m.superseded,
                       row_number() over (partition by m.destination, m.flow_id, m.record_key, m.superseded order by m.message_id) as rank
                from marked m),
            action as (
                insert into hub.operator_actions (action, operator, reason, selection, message_count, at)
                values (@action, @operator, @reason, @selection::jsonb, (select count(*) from picked), @now)
                returning id),
            changed as ({change}),
            promoted as ({promote}),
            logged as (
                insert into hub.message_log (message_id, destination, event, detail, action_id, at)
                select c.message_id, c.destination, case when c.superseded then 'superseded' else @event end,
                       case when c.superseded then 'not replayed: a newer version was already delivered; by ' else 'by ' end || @operator || ': ' || @reason,
                       (select id from action), @now
                from changed c)
            select (select id from action), (select count(*) from changed), c.flow_id, c.destination
            from (select distinct flow_id, destination from changed) c
            right join (select 1) one on true
            """, connection, transaction);
        Bind(command, selection);
        command.Parameters.AddWithValue("locked", flows.ToArray());
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("event", action == "replay" ? "replayed" : "discarded");
        command.Parameters.AddWithValue("operator", operatorName);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("selection", JsonSerializer.Serialize(selection, JsonSerializerOptions.Web));
        command.Parameters.AddWithValue("now", now);

        long actionId = 0;
        var count = 0;
        var affected = new List<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                actionId = reader.GetInt64(0);
                count = Convert.ToInt32(reader.GetInt64(1));
                if (!reader.IsDBNull(2))
                {
                    affected.Add((reader.GetString(2), reader.GetString(3)));
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new OperatorActionResult(actionId, action, operatorName, reason, count, affected);
    }

    private static string Select(string payload) =>
        $"""
        select d.message_id, d.flow_id, d.destination, d.record_key, m.business_key, d.last_error_code, d.last_error, d.attempts, d.updated_at, {payload},
               (select count(*) from hub.open_deliveries w where w.destination = d.destination and w.flow_id = d.flow_id
                    and w.record_key = d.record_key and w.status = 'waiting')
        from hub.deliveries d join hub.messages m on m.id = d.message_id
        where {Filter}
        order by d.message_id
        """;

    private static DeadLetter Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7),
        reader.GetFieldValue<DateTimeOffset>(8), reader.GetString(9), Convert.ToInt32(reader.GetInt64(10)));

    private static void Bind(NpgsqlCommand command, DeadLetterSelection selection)
    {
        command.Parameters.Add(new NpgsqlParameter("flow", NpgsqlDbType.Text) { Value = (object?)selection.FlowId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("code", NpgsqlDbType.Text) { Value = (object?)selection.ErrorCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)selection.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)selection.To?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("business_key", NpgsqlDbType.Text) { Value = (object?)selection.BusinessKey ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("destination", NpgsqlDbType.Text) { Value = (object?)selection.Destination ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            Value = selection.MessageIds is { Count: > 0 } ids ? ids.ToArray() : DBNull.Value,
        });
    }
}
