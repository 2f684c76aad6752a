using System.Runtime.CompilerServices;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>The audits' part of the retention run (<c>Hub:Retention:Audits</c>, migration 0029): each month of operator
/// actions and of population-database lookups (each with its reveals) that ended more than the retention ago is archived
/// into the <c>audits</c> folder of the archive (<c>operator_actions_p2021_12-1</c>, verified), then deleted in one
/// transaction that checks it deletes exactly what was archived. Rows still referred to (an action of a paused flow or of
/// a kept dead letter; a lookup revealed within retention) are kept, and archived by a later run as the month's next
/// generation once released.</summary>
public sealed class AuditRetention(NpgsqlDataSource dataSource, HistoryArchive archive, ILogger<AuditRetention> logger)
{
    public const string Folder = "audits";
    public const string OperatorActions = "operator_actions";
    public const string CitizenLookups = "citizen_lookups";

    // Log lines of a message refer to actions on it, taken after its id was issued: only the history partitions opened
    // before the month's end can hold them (@log_bound), which spares reading the whole log.
    private static readonly AuditKind[] Kinds =
    [
        new(OperatorActions, "at", [OperatorActions],
            "to_jsonb(a)::text",
            "hub.operator_actions a",
            """
            a.at >= @month and a.at < @next
            and not exists (select 1 from hub.flow_pauses f where f.action_id = a.id)
            and not exists (select 1 from hub.inbox_parked p where p.action_id = a.id)
            and not exists (select 1 from hub.message_log l where l.action_id = a.id and l.message_id < @log_bound)
            """,
            "delete from hub.operator_actions a using picked k where a.id = k.id"),
        new(CitizenLookups, "requested_at", [CitizenLookups, "citizen_lookup_reveals"],
            """
            (to_jsonb(a) || jsonb_build_object('reveals', coalesce((
                select jsonb_agg(to_jsonb(r) - 'lookup_id' order by r.id) from hub.citizen_lookup_reveals r where r.lookup_id = a.id), '[]')))::text
            """,
            "hub.citizen_lookups a",
            """
            a.requested_at >= @month and a.requested_at < @next
            and not exists (select 1 from hub.citizen_lookup_reveals r where r.lookup_id = a.id and r.revealed_at >= @horizon)
            """,
            "delete from hub.citizen_lookup_reveals r using picked k where r.lookup_id = k.id; delete from hub.citizen_lookups a using picked k where a.id = k.id"),
    ];

    public HistoryArchive Archive { get; } = archive.Kind(Folder);

    /// <summary>Archives and deletes every month of audits that ended more than <paramref name="keep"/> before
    /// <paramref name="now"/> (months are UTC).</summary>
    /// <returns>The audit archives written.</returns>
    public async Task<IReadOnlyList<HistoryArchiveManifest>> RunAsync(DateTimeOffset now, TimeSpan keep, CancellationToken cancellationToken)
    {
        var edge = (now - keep).UtcDateTime;
        var horizon = new DateTimeOffset(edge.Year, edge.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var written = new List<HistoryArchiveManifest>();
        foreach (var kind in Kinds)
        {
            foreach (var (month, generation) in await MonthsBeforeAsync(kind, horizon, cancellationToken))
            {
                var next = month.AddMonths(1);
                var logBound = await LogBoundAsync(next, cancellationToken);
                var partition = new HistoryPartition($"{kind.Name}_p{month.UtcDateTime:yyyy_MM}", 0, 0, month, next, generation);
                var manifest = await Archive.WriteAsync(partition, ReadAsync(kind, month, horizon, logBound, cancellationToken), now, cancellationToken);
                if (manifest.Messages == 0)
                {
                    Archive.Delete(manifest);
                    continue;
                }

                written.Add(manifest);
                if (!await RemoveArchivedAsync(kind, month, horizon, logBound, manifest, cancellationToken))
                {
                    logger.LogWarning("Audits {Kind} of {Month:yyyy-MM} changed while they were archived; nothing removed, the next run archives them again", kind.Name, month);
                    continue;
                }

                logger.LogInformation("Audits {Kind} of {Month:yyyy-MM} archived to {Archive} ({Rows} rows) and removed", kind.Name, month, manifest.Files[0].Name, manifest.Messages);
            }
        }

        return written;
    }

    /// <summary>The UTC months before <paramref name="horizon"/> that still hold rows, with the archives already written for each.</summary>
    private async Task<List<(DateTimeOffset Month, int Archives)>> MonthsBeforeAsync(AuditKind kind, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select m.month, coalesce(x.archives, 0)
            from (select distinct date_trunc('month', a.{kind.TimeColumn}, 'UTC') as month from {kind.Table} where a.{kind.TimeColumn} < @horizon) m
            left join hub.audit_archives x on x.kind = @kind and x.month = m.month
            order by m.month
            """);
        command.Parameters.AddWithValue("horizon", horizon);
        command.Parameters.AddWithValue("kind", kind.Name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var months = new List<(DateTimeOffset, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            months.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1)));
        }

        return months;
    }

    private async Task<long> LogBoundAsync(DateTimeOffset next, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select coalesce(max(to_id), (-9223372036854775808)::bigint) from hub.history_partitions where dropped_at is null and opened_at < @next");
        command.Parameters.AddWithValue("next", next);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async IAsyncEnumerable<HistoryArchiveLine> ReadAsync(
        AuditKind kind, DateTimeOffset month, DateTimeOffset horizon, long logBound, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand($"select a.id, {kind.Json} from {kind.Table} where {kind.Removable} order by a.id", connection, transaction) { CommandTimeout = 0 };
        AddRange(command, month, horizon, logBound);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new HistoryArchiveLine(reader.GetInt64(0), reader.GetString(1), 0, 0);
        }
    }

    /// <returns>False, changing nothing, when the rows to remove are not as many as the archive holds.</returns>
    private async Task<bool> RemoveArchivedAsync(
        AuditKind kind, DateTimeOffset month, DateTimeOffset horizon, long logBound, HistoryArchiveManifest manifest, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var horizons = new NpgsqlCommand(
            """
            insert into hub.audit_horizons as h (kind, before) select unnest(@tables), @horizon
            on conflict (kind) do update set before = greatest(h.before, excluded.before)
            """, connection, transaction))
        {
            horizons.Parameters.AddWithValue("tables", kind.Tables);
            horizons.Parameters.AddWithValue("horizon", horizon);
            await horizons.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var picked = new NpgsqlCommand(
            $"create temporary table picked on commit drop as select a.id from {kind.Table} where {kind.Removable}; select count(*) from picked", connection, transaction) { CommandTimeout = 0 })
        {
            AddRange(picked, month, horizon, logBound);
            if ((long)(await picked.ExecuteScalarAsync(cancellationToken))! != manifest.Messages)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        await using (var delete = new NpgsqlCommand(
            $"""
            {kind.Delete};
            insert into hub.audit_archives as x (kind, month, archives) values (@kind, @month, 1)
            on conflict (kind, month) do update set archives = x.archives + 1;
            """, connection, transaction) { CommandTimeout = 0 })
        {
            delete.Parameters.AddWithValue("kind", kind.Name);
            delete.Parameters.AddWithValue("month", month);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void AddRange(NpgsqlCommand command, DateTimeOffset month, DateTimeOffset horizon, long logBound)
    {
        command.Parameters.AddWithValue("month", month);
        command.Parameters.AddWithValue("next", month.AddMonths(1));
        command.Parameters.AddWithValue("horizon", horizon);
        command.Parameters.AddWithValue("log_bound", logBound);
    }

    /// <param name="Tables">The tables whose rows it removes (their horizons move).</param>
    /// <param name="Removable">Over <c>a</c>: the rows of the month [@month, @next) that nothing keeps.</param>
    private sealed record AuditKind(string Name, string TimeColumn, string[] Tables, string Json, string Table, string Removable, string Delete);
}
