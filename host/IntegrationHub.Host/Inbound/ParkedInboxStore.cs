using System.Text.Json;
using IntegrationHub.Host.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Host.Inbound;

/// <summary>Inbox messages set aside by the router: parked with their error (inside the router's transaction), listed,
/// and replayed onto the routing queue or discarded as one recorded operator action.</summary>
public sealed class ParkedInboxStore(NpgsqlDataSource dataSource)
{
    public const int MaxPerAction = 10_000;

    /// <summary>Parks a message the router took off the queue; one parked before (a replay that failed again) counts
    /// one more attempt and waits for the operator again, so a message that keeps failing never loops.</summary>
    public static async Task ParkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long inboxId, string source, string errorCode, string error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var park = new NpgsqlCommand(
            """
            insert into hub.inbox_parked as p (inbox_id, source, state, error_code, error, attempts, first_parked_at, parked_at, updated_at)
            values (@id, @source, 'parked', @code, @error, 1, @now, @now, @now)
            on conflict (inbox_id) do update
            set state = 'parked', error_code = excluded.error_code, error = excluded.error, attempts = p.attempts + 1,
                parked_at = excluded.parked_at, updated_at = excluded.updated_at
            """, connection, transaction);
        park.Parameters.AddWithValue("id", inboxId);
        park.Parameters.AddWithValue("source", source);
        park.Parameters.AddWithValue("code", errorCode);
        park.Parameters.AddWithValue("error", error);
        park.Parameters.AddWithValue("now", now);
        await park.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(int Total, IReadOnlyList<ParkedInboxMessage> Items)> FindAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var count = new NpgsqlCommand("select count(*) from hub.inbox_parked where state = 'parked'", connection);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await using var command = new NpgsqlCommand(
            """
            select p.inbox_id, b.receipt_id, b.partner, b.message_type, b.partner_message_id, b.business_key, b.received_at,
                   p.error_code, p.error, p.attempts, p.first_parked_at, p.parked_at, b.payload
            from hub.inbox_parked p join hub.inbox b on b.id = p.inbox_id
            where p.state = 'parked'
            order by p.inbox_id
            limit @limit
            """, connection);
        command.Parameters.AddWithValue("limit", limit);
        var items = new List<ParkedInboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ParkedInboxMessage(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11), reader.GetString(12)));
        }

        return (total, items);
    }

    /// <summary>Puts parked messages back on the routing queue (the router routes them, or parks them again).</summary>
    /// <param name="inboxIds">Null for every parked message.</param>
    public Task<OperatorActionResult> ReplayAsync(IReadOnlyList<long>? inboxIds, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ActAsync("inbox-replay", inboxIds, operatorName, reason, now, cancellationToken);

    /// <summary>Sets parked messages aside for good; they stay in the inbox, unrouted.</summary>
    public Task<OperatorActionResult> DiscardAsync(IReadOnlyList<long>? inboxIds, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ActAsync("inbox-discard", inboxIds, operatorName, reason, now, cancellationToken);

    private async Task<OperatorActionResult> ActAsync(
        string action, IReadOnlyList<long>? inboxIds, string operatorName, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replay = action == "inbox-replay";
        await using var command = dataSource.CreateCommand(
            $"""
            with picked as (
                select inbox_id, source from hub.inbox_parked
                where state = 'parked' and (@ids::bigint[] is null or inbox_id = any(@ids))
                order by inbox_id
                limit {MaxPerAction}
                for update),
            action as (
                insert into hub.operator_actions (action, operator, reason, selection, message_count, at)
                values (@action, @operator, @reason, @selection::jsonb, (select count(*) from picked), @now)
                returning id),
            changed as (
                update hub.inbox_parked p set state = @state, action_id = (select id from action), updated_at = @now
                from picked k where p.inbox_id = k.inbox_id
                returning p.inbox_id, p.source),
            queued as (
                insert into hub.inbox_unrouted (inbox_id, source)
                select inbox_id, source from changed where @requeue
                on conflict (inbox_id) do nothing)
            select (select id from action), (select count(*) from changed)
            """);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            Value = inboxIds is { Count: > 0 } ids ? ids.ToArray() : DBNull.Value,
        });
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("state", replay ? "replayed" : "discarded");
        command.Parameters.AddWithValue("requeue", replay);
        command.Parameters.AddWithValue("operator", operatorName);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("selection", inboxIds is { Count: > 0 } selected
            ? JsonSerializer.Serialize(new { inboxIds = selected })
            : JsonSerializer.Serialize(new { all = true }));
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OperatorActionResult(reader.GetInt64(0), action, operatorName, reason, Convert.ToInt32(reader.GetInt64(1)), []);
    }
}
