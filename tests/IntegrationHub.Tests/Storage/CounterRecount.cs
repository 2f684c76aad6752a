using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>What the counters must equal: a count(*) over the history, as <c>GET /api/flows</c> counted before it kept counters.</summary>
public static class CounterRecount
{
    /// <summary>The flow's counts by scanning its messages and deliveries (the query the counters replaced).</summary>
    public static async Task<FlowCounts> CountsAsync(NpgsqlDataSource db, string flowId)
    {
        await using var command = db.CreateCommand(
            """
            select
                (select count(*) from hub.messages where flow_id = @flow),
                count(*) filter (where d.status = 'delivered'),
                count(*) filter (where d.status = 'skipped'),
                count(*) filter (where d.status = 'pending' and d.attempts > 0),
                count(*) filter (where d.status = 'dead'),
                count(*) filter (where d.status in ('pending', 'waiting')),
                count(*) filter (where d.status = 'waiting')
            from hub.deliveries d
            where d.flow_id = @flow
            """);
        command.Parameters.AddWithValue("flow", flowId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new FlowCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    /// <summary>Every (flow, destination, state) whose counter differs from the rows, as "flow/destination/state: counted n, rows m"
    /// (empty when they all agree). Null <paramref name="flowId"/>: every flow.</summary>
    public static async Task<IReadOnlyList<string>> MismatchesAsync(NpgsqlDataSource db, string? flowId = null)
    {
        await using var command = db.CreateCommand(
            """
            select coalesce(c.flow_id, r.flow_id), coalesce(c.destination, r.destination), coalesce(c.state, r.state), coalesce(c.n, 0), coalesce(r.n, 0)
            from (select flow_id, destination, state, sum(n) as n from hub.flow_counters
                  where @flow is null or flow_id = @flow group by 1, 2, 3 having sum(n) <> 0) c
            full join (select flow_id, '' as destination, 'received' as state, count(*) as n from hub.messages
                       where @flow is null or flow_id = @flow group by 1
                       union all
                       select flow_id, destination, case when status = 'pending' and attempts > 0 then 'failing' else status end, count(*)
                       from hub.deliveries where @flow is null or flow_id = @flow group by 1, 2, 3) r
                on r.flow_id = c.flow_id and r.destination = c.destination and r.state = c.state
            where c.n is distinct from r.n
            order by 1, 2, 3
            """);
        command.Parameters.Add(new NpgsqlParameter<string?>("flow", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = flowId });
        var mismatches = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            mismatches.Add($"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}: counted {reader.GetInt64(3)}, rows {reader.GetInt64(4)}");
        }

        return mismatches;
    }
}
