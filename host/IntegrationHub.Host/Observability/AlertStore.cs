using IntegrationHub.Contracts;
using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>Alerts for officials: kept in PostgreSQL (shown on the dashboard and <c>GET /api/alerts</c>) and logged as
/// warnings. An alert names its incident (<c>reference</c>), so raising it again for the same incident adds nothing.</summary>
public sealed class AlertStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<AlertStore> logger) : IHubAlerts
{
    /// <returns>False when this incident was already raised.</returns>
    public async Task<bool> RaiseAsync(string kind, string subject, string detail, string reference, string? page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into hub.alerts (kind, subject, detail, reference, raised_at, page)
            values (@kind, @subject, @detail, @reference, @now, @page)
            on conflict (kind, reference) do nothing
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("subject", subject);
        command.Parameters.AddWithValue("detail", detail);
        command.Parameters.AddWithValue("reference", reference);
        command.Parameters.AddWithValue("page", (object?)page ?? DBNull.Value);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        var raised = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (raised)
        {
            logger.LogWarning("ALERT {Kind}: {Subject} — {Detail}", kind, subject, detail);
        }

        return raised;
    }

    /// <summary>Brings a raised incident's detail up to date (e.g. the records late now, while the incident lasts): the
    /// dashboard and <c>GET /api/alerts</c> show the current text; one incident still, and a mail already sent is not sent
    /// again (one not sent yet carries the current text).</summary>
    /// <returns>False when the incident is unknown or its detail was already this.</returns>
    public async Task<bool> UpdateDetailAsync(string kind, string reference, string detail, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update hub.alerts set detail = @detail where kind = @kind and reference = @reference and detail <> @detail");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("reference", reference);
        command.Parameters.AddWithValue("detail", detail);
        var updated = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (updated)
        {
            logger.LogInformation("Alert {Kind} {Reference} now reads: {Detail}", kind, reference, detail);
        }

        return updated;
    }

    /// <summary>Records that a lasting condition (<paramref name="name"/>) is seen now.</summary>
    /// <returns>When its episode began: the same as last time if it was seen within <paramref name="gap"/>, else now.
    /// Raising its alert with this time in the reference makes one incident per episode, however many sweeps see it.</returns>
    public async Task<DateTimeOffset> EpisodeBeganAsync(string name, TimeSpan gap, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into hub.alert_episodes as e (name, began_at, seen_at) values (@name, @now, @now)
            on conflict (name) do update
            set began_at = case when e.seen_at < @now - @gap then excluded.began_at else e.began_at end, seen_at = excluded.seen_at
            returning began_at
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("gap", gap);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    public async Task<IReadOnlyList<HubAlert>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, kind, subject, detail, reference, raised_at, page from hub.alerts order by id desc limit @limit");
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Alerts not mailed yet, oldest first.</summary>
    public async Task<IReadOnlyList<HubAlert>> UnsentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, kind, subject, detail, reference, raised_at, page from hub.alerts where notified_at is null order by id limit @limit");
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Marks alerts older than <paramref name="age"/> as handled without mailing them.</summary>
    public async Task SkipStaleAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update hub.alerts set notified_at = @now where notified_at is null and raised_at < @before");
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("before", timeProvider.GetUtcNow() - age);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ForgetDigestAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from hub.alert_digests where day = @day");
        command.Parameters.AddWithValue("day", day);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkNotifiedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update hub.alerts set notified_at = @now where id = any(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HubAlert>> RaisedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, kind, subject, detail, reference, raised_at, page from hub.alerts where raised_at >= @since order by id");
        command.Parameters.AddWithValue("since", since);
        return await ReadAsync(command, cancellationToken);
    }

    /// <returns>False when the digest of <paramref name="day"/> was already sent.</returns>
    public async Task<bool> RecordDigestAsync(DateOnly day, int alertCount, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into hub.alert_digests (day, sent_at, alert_count) values (@day, @now, @count) on conflict (day) do nothing");
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        command.Parameters.AddWithValue("count", alertCount);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<HubAlert>> ReadAsync(Npgsql.NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var alerts = new List<HubAlert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new HubAlert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return alerts;
    }
}
