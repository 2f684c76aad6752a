using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Reads <see cref="InboxRoutingStatus"/> for readiness and alerts. Only messages the router takes and a flow
/// reads count as waiting: those of a disabled flow, or no flow, wait by design.</summary>
public sealed class InboxRoutingMonitor(NpgsqlDataSource dataSource, InboxSources sources)
{
    // The head of each source's queue (what the router takes next), one index probe per source; ages by the database's
    // clock, which stamped queued_at, so hosts with skewed clocks agree.
    private const string StatusSql = """
        select (select count(*) from hub.inbox_parked where state = 'parked'),
               (select min(inbox_id) from hub.inbox_parked where state = 'parked'),
               (select now() - min(h.queued_at)
                from unnest(@sources::text[]) as s(source)
                cross join lateral (select u.queued_at from hub.inbox_unrouted u where u.source = s.source order by u.inbox_id limit 1) h)
        """;

    public async Task<InboxRoutingStatus> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(StatusSql);
        command.Parameters.AddWithValue("sources", sources.Awaited.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InboxRoutingStatus(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<TimeSpan>(2));
    }
}
