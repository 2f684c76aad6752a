using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>The monthly partitions of the history tables (migration 0019): opened ahead, read out for archiving, and
/// dropped (or emptied of their finished messages) once archived.</summary>
public sealed partial class HistoryPartitionStore(NpgsqlDataSource dataSource)
{
    private const string Open = "('pending', 'waiting', 'dead')";

    /// <summary>Creates this month's and next month's partitions if missing and moves new ids into this month's.</summary>
    /// <returns>The current partition's name.</returns>
    public async Task<string> AdvanceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select hub.advance_history(@now)");
        command.Parameters.AddWithValue("now", now);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<IReadOnlyList<HistoryPartition>> ListAsync(CancellationToken cancellationToken) => CatalogueAsync(dataSource, "history_partitions", cancellationToken);

    /// <summary>Partitions whose last id was issued more than <paramref name="keep"/> before <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<HistoryPartition>> PastRetentionAsync(DateTimeOffset now, TimeSpan keep, CancellationToken cancellationToken) =>
        PastRetention(await ListAsync(cancellationToken), now, keep);

    /// <summary>The partitions not dropped of a catalogue of monthly partitions (<c>history_partitions</c>, <c>inbox_partitions</c>).</summary>
    internal static async Task<IReadOnlyList<HistoryPartition>> CatalogueAsync(NpgsqlDataSource dataSource, string catalogue, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select name, from_id, to_id, opened_at, closed_at, archives from hub.{catalogue} where dropped_at is null order by from_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var partitions = new List<HistoryPartition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            partitions.Add(new HistoryPartition(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5)));
        }

        return partitions;
    }

    /// <summary>Of <paramref name="partitions"/>, those whose last id was issued more than <paramref name="keep"/> before <paramref name="now"/>.</summary>
    internal static IReadOnlyList<HistoryPartition> PastRetention(IEnumerable<HistoryPartition> partitions, DateTimeOffset now, TimeSpan keep) =>
        [.. partitions.Where(p => p.ClosedAt is { } closed && closed + keep < now)];

    /// <summary>Whether any message of the partition still has a delivery open (pending, waiting, or a dead letter).</summary>
    public async Task<bool> HasOpenAsync(HistoryPartition partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select exists (select 1 from hub.{Table("deliveries", partition)} where status in {Open})");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The partition's finished messages (no open delivery), each with its deliveries and log, in id order.</summary>
    public async IAsyncEnumerable<HistoryArchiveLine> ReadFinishedAsync(HistoryPartition partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select m.id, json_build_object(
                       'id', m.id, 'flow_id', m.flow_id, 'record_key', m.record_key, 'business_key', m.business_key, 'version', m.version,
                       'received_at', m.received_at, 'run_id', m.run_id, 'trace_parent', m.trace_parent, 'payload', m.payload,
                       'deliveries', coalesce(d.list, '[]'), 'steps', coalesce(l.list, '[]'))::text,
                   coalesce(json_array_length(d.list), 0), coalesce(json_array_length(l.list), 0)
            from hub.{Table("messages", partition)} m
            left join lateral (
                select json_agg(json_build_object('destination', d.destination, 'status', d.status, 'attempts', d.attempts,
                           'next_attempt_at', d.next_attempt_at, 'last_error_code', d.last_error_code, 'last_error', d.last_error,
                           'updated_at', d.updated_at, 'reference', d.reference) order by d.destination) as list
                from hub.{Table("deliveries", partition)} d where d.message_id = m.id) d on true
            left join lateral (
                select json_agg(json_build_object('id', l.id, 'at', l.at, 'event', l.event, 'destination', l.destination, 'detail', l.detail,
                           'duration_ms', l.duration_ms, 'action_id', l.action_id, 'operator', a.operator, 'reason', a.reason) order by l.id) as list
                from hub.{Table("message_log", partition)} l left join hub.operator_actions a on a.id = l.action_id
                where l.message_id = m.id) l on true
            where not exists (select 1 from hub.{Table("deliveries", partition)} o where o.message_id = m.id and o.status in {Open})
            order by m.id
            """, connection, transaction);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new HistoryArchiveLine(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
        }
    }

    /// <summary>Removes what <paramref name="manifest"/> archived, in one transaction: the three partitions dropped when
    /// nothing of theirs is open (the counters of 0014 lowered by what they held, as no trigger fires for a drop), else
    /// only the archived messages deleted through the parents (the triggers keep the counters). Refuses, changing nothing,
    /// when the rows to remove are not exactly the archive's (something changed since it was written: the next run
    /// archives again).</summary>
    /// <returns>Whether the archive's rows were removed (the partitions dropped, or the finished messages deleted and the open
    /// ones kept); false when refused, with nothing changed.</returns>
    public async Task<bool> RemoveArchivedAsync(HistoryPartition partition, HistoryArchiveManifest manifest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var messages = $"hub.{Table("messages", partition)}";
        var deliveries = $"hub.{Table("deliveries", partition)}";
        var log = $"hub.{Table("message_log", partition)}";
        var hasOpen = (bool)(await ScalarAsync(connection, transaction, $"select exists (select 1 from {deliveries} where status in {Open})", cancellationToken))!;
        long removedMessages, removedDeliveries, removedSteps;
        if (!hasOpen)
        {
            // Writers wait (they are not refused) for the few seconds of counting and dropping; the parents are locked
            // before the partitions, as writers lock them, so nobody waits in a circle.
            await ExecuteAsync(connection, transaction, "lock table hub.messages, hub.deliveries, hub.message_log in share row exclusive mode", cancellationToken);
            if ((bool)(await ScalarAsync(connection, transaction, $"select exists (select 1 from {deliveries} where status in {Open})", cancellationToken))!)
            {
                return false;
            }

            removedMessages = (long)(await ScalarAsync(connection, transaction, $"select count(*) from {messages}", cancellationToken))!;
            removedDeliveries = (long)(await ScalarAsync(connection, transaction, $"select count(*) from {deliveries}", cancellationToken))!;
            removedSteps = (long)(await ScalarAsync(connection, transaction, $"select count(*) from {log}", cancellationToken))!;
            if (!Matches(manifest, removedMessages, removedDeliveries, removedSteps))
            {
                return false;
            }

            await ExecuteAsync(connection, transaction,
                $"""
                insert into hub.flow_counters as c (flow_id, destination, state, shard, n)
                select flow_id, '', 'received', hub.counter_shard(), -count(*) from {messages} group by flow_id order by flow_id
                on conflict (flow_id, destination, state, shard) do update set n = c.n + excluded.n;
                insert into hub.flow_counters as c (flow_id, destination, state, shard, n)
                select flow_id, destination, hub.delivery_count_state(status, attempts), hub.counter_shard(), -count(*)
                from {deliveries} group by 1, 2, 3 order by 1, 2, 3
                on conflict (flow_id, destination, state, shard) do update set n = c.n + excluded.n;
                alter table hub.deliveries detach partition {deliveries};
                drop table {deliveries};
                alter table hub.message_log detach partition {log};
                drop table {log};
                alter table hub.messages detach partition {messages};
                drop table {messages};
                update hub.history_partitions set archives = archives + 1, dropped_at = @now where name = @name;
                """, cancellationToken, ("now", now), ("name", partition.Name));
            await Evidence.EvidenceRetirement.PruneAsync(connection, transaction, partition.FromId, partition.ToId, manifest.Archive, cancellationToken);
        }
        else
        {
            // Through the parents, pruned to the partition, so the counters' triggers see the rows.
            const string Finished = "not exists (select 1 from hub.deliveries o where o.message_id = {0} and o.status in " + Open + ")";
            var range = "between @from and @to";
            removedSteps = await ExecuteAsync(connection, transaction,
                $"delete from hub.message_log l where l.message_id {range} and {string.Format(System.Globalization.CultureInfo.InvariantCulture, Finished, "l.message_id")}",
                cancellationToken, ("from", partition.FromId), ("to", partition.ToId - 1));
            removedDeliveries = await ExecuteAsync(connection, transaction,
                $"delete from hub.deliveries d where d.message_id {range} and {string.Format(System.Globalization.CultureInfo.InvariantCulture, Finished, "d.message_id")}",
                cancellationToken, ("from", partition.FromId), ("to", partition.ToId - 1));
            removedMessages = await ExecuteAsync(connection, transaction,
                $"delete from hub.messages m where m.id {range} and {string.Format(System.Globalization.CultureInfo.InvariantCulture, Finished, "m.id")}",
                cancellationToken, ("from", partition.FromId), ("to", partition.ToId - 1));
            if (!Matches(manifest, removedMessages, removedDeliveries, removedSteps))
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await ExecuteAsync(connection, transaction, "update hub.history_partitions set archives = archives + 1 where name = @name", cancellationToken, ("name", partition.Name));
            await Evidence.EvidenceRetirement.PruneAsync(connection, transaction, partition.FromId, partition.ToId, manifest.Archive, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static bool Matches(HistoryArchiveManifest manifest, long messages, long deliveries, long steps) =>
        manifest.Messages == messages && manifest.Deliveries == deliveries && manifest.Steps == steps;

    /// <summary>A partition's table: the catalogue's names are the migration's own (<c>legacy</c>, <c>p2026_12</c>), checked
    /// before they are put into SQL.</summary>
    private static string Table(string table, HistoryPartition partition) =>
        PartitionName().IsMatch(partition.Name) ? $"{table}_{partition.Name}" : throw new InvalidOperationException($"Unexpected history partition name '{partition.Name}'.");

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    [GeneratedRegex("^(legacy|p[0-9]{4}_[0-9]{2})$")]
    private static partial Regex PartitionName();
}
