using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>What hub.open_deliveries (migration 0030) must hold: exactly the deliveries that are open (pending, waiting,
/// dead), with the same state, found by scanning the history.</summary>
public static class OpenDeliveriesRecount
{
    /// <summary>Every delivery missing from the open deliveries, extra there, or different, as "message/destination: open row, delivery"
    /// (empty when they agree).</summary>
    public static async Task<IReadOnlyList<string>> MismatchesAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand(
            """
            select coalesce(o.message_id, d.message_id) || '/' || coalesce(o.destination, d.destination) || ': open '
                   || coalesce(row(o.flow_id, o.record_key, o.status, o.attempts, o.next_attempt_at, o.last_error_code, o.updated_at)::text, 'none')
                   || ', delivery ' || coalesce(row(d.flow_id, d.record_key, d.status, d.attempts, d.next_attempt_at, d.last_error_code, d.updated_at)::text, 'none')
            from hub.open_deliveries o
            full join (select * from hub.deliveries where status in ('pending', 'waiting', 'dead')) d
                on d.message_id = o.message_id and d.destination = o.destination
            where row(o.flow_id, o.record_key, o.status, o.attempts, o.next_attempt_at, o.last_error_code, o.updated_at)
                  is distinct from row(d.flow_id, d.record_key, d.status, d.attempts, d.next_attempt_at, d.last_error_code, d.updated_at)
            order by 1
            """);
        var mismatches = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            mismatches.Add(reader.GetString(0));
        }

        return mismatches;
    }
}
