using Npgsql;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Reconciliation runs and their lines (<c>hub.reconciliations</c>, <c>hub.reconciliation_items</c>, created by
/// the host's migrations, which stay there: databases have applied them under their numbers).</summary>
public sealed class ReconciliationStore(NpgsqlDataSource dataSource)
{
    /// <param name="completedAt">When the run completed (statement fetched and matched): what a reconciled-by SLA counts.</param>
    public async Task<long> SaveAsync(DateOnly day, DateTimeOffset startedAt, DateTimeOffset completedAt, string trigger, IReadOnlyList<ReconciliationItem> items, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var run = new NpgsqlCommand("""
            insert into hub.reconciliations (day, started_at, completed_at, trigger, matched, missing_in_hub, missing_at_platform, amount_mismatch, status_mismatch)
            values (@day, @at, @completed, @trigger, @matched, @missing_in_hub, @missing_at_platform, @amount, @status) returning id
            """, connection, transaction))
        {
            int Count(string kind) => items.Count(i => i.Kind == kind);
            run.Parameters.AddWithValue("day", day);
            run.Parameters.AddWithValue("at", startedAt);
            run.Parameters.AddWithValue("completed", completedAt);
            run.Parameters.AddWithValue("trigger", trigger);
            run.Parameters.AddWithValue("matched", Count(ReconciliationItem.Matched));
            run.Parameters.AddWithValue("missing_in_hub", Count(ReconciliationItem.MissingInHub));
            run.Parameters.AddWithValue("missing_at_platform", Count(ReconciliationItem.MissingAtPlatform));
            run.Parameters.AddWithValue("amount", Count(ReconciliationItem.AmountMismatch));
            run.Parameters.AddWithValue("status", Count(ReconciliationItem.StatusMismatch));
            id = (long)(await run.ExecuteScalarAsync(cancellationToken))!;
        }

        await using (var insert = new NpgsqlCommand("""
            insert into hub.reconciliation_items (reconciliation_id, kind, ma_tham_chieu, ma_ho_so, hub_amount, platform_amount, hub_status, platform_status, ma_giao_dich)
            select @id, * from unnest(@kinds, @refs, @dossiers, @hub_amounts, @platform_amounts, @hub_statuses, @platform_statuses, @transactions)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("kinds", items.Select(i => i.Kind).ToArray());
            insert.Parameters.AddWithValue("refs", items.Select(i => i.MaThamChieu).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("dossiers", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = items.Select(i => (object?)i.MaHoSo ?? DBNull.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("hub_amounts", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = items.Select(i => (object?)i.HubAmount ?? DBNull.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("platform_amounts", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = items.Select(i => (object?)i.PlatformAmount ?? DBNull.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("hub_statuses", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = items.Select(i => (object?)i.HubStatus ?? DBNull.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("platform_statuses", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = items.Select(i => (object?)i.PlatformStatus ?? DBNull.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("transactions", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = items.Select(i => (object?)i.MaGiaoDich ?? DBNull.Value).ToArray() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<ReconciliationReport?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var run = new NpgsqlCommand("select day, started_at, trigger from hub.reconciliations where id = @id", connection);
        run.Parameters.AddWithValue("id", id);
        DateOnly day;
        DateTimeOffset startedAt;
        string trigger;
        await using (var reader = await run.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (day, startedAt, trigger) = (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2));
        }

        await using var read = new NpgsqlCommand("""
            select kind, ma_tham_chieu, ma_ho_so, hub_amount, platform_amount, hub_status, platform_status, ma_giao_dich
            from hub.reconciliation_items where reconciliation_id = @id
            order by kind = 'matched', kind, ma_tham_chieu
            """, connection);
        read.Parameters.AddWithValue("id", id);
        var items = new List<ReconciliationItem>();
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                long? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
                items.Add(new ReconciliationItem(reader.GetString(0), reader.GetString(1), Text(2), Number(3), Number(4), Text(5), Text(6), Text(7)));
            }
        }

        return new ReconciliationReport(id, day, startedAt, trigger, items);
    }

    /// <summary>For each day of [from, to] reconciled at least once: when its first reconciliation completed (rows saved
    /// before migration 0036 have no completion time: their start stands in). Reads <c>reconciliations_by_day</c>.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, DateTimeOffset>> FirstCompletedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select day, min(coalesce(completed_at, started_at)) from hub.reconciliations where day >= @from and day <= @to group by day
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var days = new Dictionary<DateOnly, DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days[reader.GetFieldValue<DateOnly>(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return days;
    }

    /// <summary>The first day ever reconciled (the primary key's order does not follow days: officers reconcile past days).</summary>
    public async Task<DateOnly?> FirstDayAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select min(day) from hub.reconciliations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
    }

    /// <summary>Most recent runs first: id, day, when, trigger and counts per kind.</summary>
    public async Task<IReadOnlyList<ReconciliationSummary>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select id, day, started_at, trigger, matched, missing_in_hub, missing_at_platform, amount_mismatch, status_mismatch
            from hub.reconciliations order by id desc limit @limit
            """);
        command.Parameters.AddWithValue("limit", limit);
        var list = new List<ReconciliationSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ReconciliationSummary(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8)));
        }

        return list;
    }
}
