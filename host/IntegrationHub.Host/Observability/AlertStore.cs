using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>Alerts for officials: kept in PostgreSQL (shown on the dashboard and <c>GET /api/alerts</c>) and logged as
/// warnings. An alert names its incident (<c>reference</c>), so raising it again for the same incident adds nothing.</summary>
public sealed class AlertStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<AlertStore> logger)
{
    /// <returns>False when this incident was already raised.</returns>
    public async Task<bool> RaiseAsync(string kind, string subject, string detail, string reference, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into hub.alerts (kind, subject, detail, reference, raised_at)
            values (@kind, @subject, @detail, @reference, @now)
            on conflict (kind, reference) do nothing
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("subject", subject);
        command.Parameters.AddWithValue("detail", detail);
        command.Parameters.AddWithValue("reference", reference);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        var raised = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (raised)
        {
            logger.LogWarning("ALERT {Kind}: {Subject} — {Detail}", kind, subject, detail);
        }

        return raised;
    }

    public async Task<IReadOnlyList<Alert>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, kind, subject, detail, reference, raised_at from hub.alerts order by id desc limit @limit");
        command.Parameters.AddWithValue("limit", limit);
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new Alert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return alerts;
    }
}
