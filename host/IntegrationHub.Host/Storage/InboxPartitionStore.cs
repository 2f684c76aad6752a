using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>The monthly partitions of hub.inbox (migration 0028, opened with the history's by hub.advance_history): read out
/// for archiving and dropped (or emptied of their finished messages) once archived, with their replay-guard keys.
/// A pushed message is open while the router has still to take it (hub.inbox_unrouted) or while it waits parked for an
/// operator; else finished (routed, or parked and discarded). Finished never becomes open again and a closed month gets
/// no new rows, so what is finished when the archive is read stays finished: a removal that removes other rows than the
/// archive counted (more were routed meanwhile) is rolled back and archived again by the next run.</summary>
public sealed partial class InboxPartitionStore(NpgsqlDataSource dataSource)
{
    private const string Finished = "not exists (select 1 from hub.inbox_unrouted u where u.inbox_id = {0}) "
        + "and not exists (select 1 from hub.inbox_parked o where o.inbox_id = {0} and o.state = 'parked')";

    private const string AnyOpen = """
        select exists (select 1 from hub.inbox_unrouted u where u.inbox_id >= @from and u.inbox_id < @to)
            or exists (select 1 from hub.inbox_parked p where p.state = 'parked' and p.inbox_id >= @from and p.inbox_id < @to)
        """;

    public Task<IReadOnlyList<HistoryPartition>> ListAsync(CancellationToken cancellationToken) =>
        HistoryPartitionStore.CatalogueAsync(dataSource, "inbox_partitions", cancellationToken);

    /// <summary>Months whose last inbox id was issued more than <paramref name="keep"/> before <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<HistoryPartition>> PastRetentionAsync(DateTimeOffset now, TimeSpan keep, CancellationToken cancellationToken) =>
        HistoryPartitionStore.PastRetention(await ListAsync(cancellationToken), now, keep);

    /// <summary>Whether a message of the month is still to be routed or waits parked.</summary>
    public async Task<bool> HasOpenAsync(HistoryPartition partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AnyOpen);
        command.Parameters.AddWithValue("from", partition.FromId);
        command.Parameters.AddWithValue("to", partition.ToId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The month's finished messages as received (the payload as the text that was stored, its SHA-256, and a
    /// parked message's story with the operator's action), in id order.</summary>
    public async IAsyncEnumerable<HistoryArchiveLine> ReadFinishedAsync(HistoryPartition partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select b.id, json_build_object(
                       'id', b.id, 'receipt_id', b.receipt_id, 'partner', b.partner, 'message_type', b.message_type,
                       'partner_message_id', b.partner_message_id, 'business_key', b.business_key, 'record_key', b.record_key,
                       'received_at', b.received_at, 'trace_parent', b.trace_parent, 'payload_sha256', encode(b.payload_sha256, 'hex'),
                       'payload', b.payload,
                       'parked', case when p.inbox_id is not null then json_build_object(
                           'state', p.state, 'source', p.source, 'error_code', p.error_code, 'error', p.error, 'attempts', p.attempts,
                           'first_parked_at', p.first_parked_at, 'parked_at', p.parked_at, 'updated_at', p.updated_at,
                           'action_id', p.action_id, 'operator', a.operator, 'reason', a.reason) end)::text
            from hub.{Table(partition)} b
            left join hub.inbox_parked p on p.inbox_id = b.id
            left join hub.operator_actions a on a.id = p.action_id
            where {string.Format(System.Globalization.CultureInfo.InvariantCulture, Finished, "b.id")}
            order by b.id
            """, connection, transaction);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new HistoryArchiveLine(reader.GetInt64(0), reader.GetString(1), 0, 0);
        }
    }

    /// <summary>Removes what <paramref name="manifest"/> archived, in one transaction, with the keys of the removed
    /// messages (their partner message ids are new again) and their parked stories: the partition dropped when nothing
    /// of it is open, else only its finished messages deleted. Changes nothing when the rows to remove are not exactly
    /// the archive's count.</summary>
    /// <returns>Null: nothing removed (the next run archives again); true: dropped; false: finished messages deleted,
    /// open ones kept.</returns>
    public async Task<bool?> RemoveArchivedAsync(HistoryPartition partition, HistoryArchiveManifest manifest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inbox = $"hub.{Table(partition)}";
        var range = new (string, object)[] { ("from", partition.FromId), ("to", partition.ToId) };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var open = (bool)(await ScalarAsync(connection, transaction, AnyOpen, cancellationToken, range))!;
        if (!open)
        {
            // The parent first, as the gateway's inserts take it before the key table (their trigger): writers wait here
            // instead of one of them and this meeting in a deadlock over a key being deleted.
            await ScalarAsync(connection, transaction, "lock table hub.inbox in share row exclusive mode", cancellationToken);
            if ((long)(await ScalarAsync(connection, transaction, $"select count(*) from {inbox}", cancellationToken))! != manifest.Messages)
            {
                return null;
            }

            // The detach waits for the writers of the moment and holds the next ones for the few statements left.
            await ScalarAsync(connection, transaction,
                $"""
                delete from hub.inbox_parked where inbox_id >= @from and inbox_id < @to;
                delete from hub.inbox_keys k using {inbox} b
                where k.partner = b.partner and k.partner_message_id = b.partner_message_id and k.inbox_id = b.id;
                alter table hub.inbox detach partition {inbox};
                drop table {inbox};
                update hub.inbox_partitions set archives = archives + 1, dropped_at = @now where name = @name;
                """, cancellationToken, [.. range, ("now", now), ("name", partition.Name)]);
        }
        else
        {
            var finished = string.Format(System.Globalization.CultureInfo.InvariantCulture, Finished, "b.id");
            var removed = (long)(await ScalarAsync(connection, transaction,
                $"""
                with parked as (
                    delete from hub.inbox_parked p using hub.inbox b
                    where p.inbox_id = b.id and b.id >= @from and b.id < @to and {finished}),
                gone as (
                    delete from hub.inbox b where b.id >= @from and b.id < @to and {finished}
                    returning b.id, b.partner, b.partner_message_id),
                keys as (
                    delete from hub.inbox_keys k using gone g
                    where k.partner = g.partner and k.partner_message_id = g.partner_message_id and k.inbox_id = g.id)
                select count(*) from gone
                """, cancellationToken, range))!;
            if (removed != manifest.Messages)
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }

            await ScalarAsync(connection, transaction, "update hub.inbox_partitions set archives = archives + 1 where name = @name", cancellationToken, ("name", partition.Name));
        }

        await transaction.CommitAsync(cancellationToken);
        return !open;
    }

    /// <summary>A partition's table: the catalogue's names are the migration's own (<c>legacy</c>, <c>p2026_12</c>), checked
    /// before they are put into SQL.</summary>
    private static string Table(HistoryPartition partition) =>
        PartitionName().IsMatch(partition.Name) ? $"inbox_{partition.Name}" : throw new InvalidOperationException($"Unexpected inbox partition name '{partition.Name}'.");

    private static async Task<object?> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    [GeneratedRegex("^(legacy|p[0-9]{4}_[0-9]{2})$")]
    private static partial Regex PartitionName();
}
