using System.Diagnostics;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>The history benchmark's due work: a few messages of one configured flow with deliveries due now (the hub does
/// not deliver them: its sweep is a day apart and nothing enqueues them), and the timing of their claim, the statement
/// the hub's delivery jobs run first (DeliveryStore.ClaimBatchAsync's: a flow and destination's pending deliveries due
/// now, in message order, with their messages), read-only so it can be repeated.</summary>
internal static class DueDeliveries
{
    public const string KeyPrefix = "BENCH-DUE-";

    /// <summary>DeliveryStore.ClaimBatchAsync's statement as the hub runs it: migration 0030's function (the due rows from
    /// the open deliveries, joined to their messages).</summary>
    public const string ClaimSql =
        """
        select message_id, record_key, business_key, version, payload, attempts, received_at, trace_parent
        from hub.claim_due_deliveries(@flow, @destination, @limit, @now)
        """;

    /// <summary>The claim before migration 0030, for reference in the same run: the due rows found through the pending
    /// indexes of every monthly partition of hub.deliveries, joined to their messages.</summary>
    public const string PartitionWalkClaimSql =
        """
        with due as materialized (
            select d.message_id, d.attempts from hub.deliveries d
            where d.destination = @destination and d.flow_id = @flow and d.status = 'pending'
              and (d.next_attempt_at is null or d.next_attempt_at <= @now)
              and not exists (select 1 from hub.flow_pauses p where p.flow_id = @flow)
            order by d.message_id
            limit @limit)
        select due.message_id, m.record_key, m.business_key, m.version, m.payload::text, due.attempts, m.received_at, m.trace_parent
        from due join hub.messages m on m.id = due.message_id
        order by due.message_id
        """;

    /// <summary>Adds <paramref name="count"/> messages with a due delivery per destination of <paramref name="flow"/>.</summary>
    public static async Task AddAsync(string database, (string Id, IReadOnlyList<string> Destinations, bool Scheduled) flow, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            with m as (
                insert into hub.messages (flow_id, record_key, business_key, version, payload, received_at)
                select @flow, @prefix || lpad(i::text, 4, '0'), @prefix || lpad(i::text, 4, '0'), '1', '{"due":true}', now()
                from generate_series(1, @count) i
                returning id, record_key)
            insert into hub.deliveries (message_id, destination, flow_id, record_key, status, attempts, updated_at)
            select m.id, d, @flow, m.record_key, 'pending', 0, now() from m cross join unnest(@destinations) d
            """, connection);
        command.Parameters.AddWithValue("flow", flow.Id);
        command.Parameters.AddWithValue("prefix", KeyPrefix);
        command.Parameters.AddWithValue("count", count);
        command.Parameters.AddWithValue("destinations", flow.Destinations.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Times <paramref name="sql"/>, the claim of the flow's first destination's due deliveries,
    /// <paramref name="count"/> times after <paramref name="warmup"/>, on one connection.</summary>
    public static async Task<RequestTimings> TimeClaimAsync(
        string database, string sql, (string Id, IReadOnlyList<string> Destinations, bool Scheduled) flow, int warmup, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("flow", flow.Id);
        command.Parameters.AddWithValue("destination", flow.Destinations[0]);
        command.Parameters.AddWithValue("limit", 100);
        var now = command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
        // As the hub runs it (DeliveryStore prepares its claim): planned once per connection.
        await command.PrepareAsync(cancellationToken);
        var samples = new double[count];
        for (var i = -warmup; i < count; i++)
        {
            now.Value = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                }
            }

            if (rows != 100)
            {
                throw new BenchmarkException($"The claim of {flow.Id} -> {flow.Destinations[0]} found {rows} due deliveries, not 100.");
            }

            if (i >= 0)
            {
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        Array.Sort(samples);
        return new RequestTimings(count, samples[count / 2], samples[Math.Clamp((int)Math.Ceiling(0.99 * count) - 1, 0, count - 1)], samples[^1], samples.Average());
    }
}
