using System.Globalization;
using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>Raises an alert per flow whose messages became dead letters (the incident is named by the oldest dead
/// letter still parked, so more dead letters of the same episode, or retries, add nothing), then mails every alert
/// not mailed yet. A mail that fails stays unsent and is tried at the next sweep.</summary>
public sealed class AlertSweep(NpgsqlDataSource dataSource, AlertStore alerts, AlertMailer mailer, ILogger<AlertSweep> logger)
{
    private const int MailBatch = 50;
    private const string SweepLockName = "alerts:sweep";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One sweep at a time in the cluster (a slow SMTP server can outlast the interval): a second one would mail the
        // same unsent alerts again.
        await using var sweepLock = await FlowLock.TryAcquireAsync(dataSource, SweepLockName, cancellationToken);
        if (sweepLock is null)
        {
            return;
        }

        await RaiseDeadLetterAlertsAsync(cancellationToken);
        if (mailer.Enabled)
        {
            await MailUnsentAsync(cancellationToken);
        }
    }

    private async Task MailUnsentAsync(CancellationToken cancellationToken)
    {
        // Alerts older than a day (mail was off or down) are in the digest already: not mailed one by one now.
        await alerts.SkipStaleAsync(TimeSpan.FromDays(1), cancellationToken);
        var unsent = await alerts.UnsentAsync(MailBatch, cancellationToken);
        if (unsent.Count == 0)
        {
            return;
        }

        try
        {
            await mailer.SendAsync(unsent.Select(a => ($"[IntegrationHub] {a.Subject}", Body(a))).ToList(),
                i => alerts.MarkNotifiedAsync([unsent[i].Id], cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unsent ones stay unsent: the next sweep tries again (no Hangfire retry piling up behind it).
            logger.LogWarning("Alert mail not sent ({Count} waiting): {Error}", unsent.Count, e.Message);
        }
    }

    private async Task RaiseDeadLetterAlertsAsync(CancellationToken cancellationToken)
    {
        var episodes = new List<(string Flow, long Oldest, long Count)>();
        await using (var command = dataSource.CreateCommand(
            "select flow_id, min(message_id), count(*) from hub.deliveries where status = 'dead' group by flow_id order by flow_id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                episodes.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        foreach (var (flow, oldest, count) in episodes)
        {
            await alerts.RaiseAsync("dead_letters",
                $"Luồng {flow} có thư chết (dead letters)",
                $"{count.ToString(CultureInfo.InvariantCulture)} message(s) of flow {flow} were rejected and are parked as dead letters; replay or discard them on /hangfire/dead-letters.",
                $"dead-letters:{flow}:{oldest.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        }
    }

    private static string Body(Alert alert) =>
        $"{alert.Subject}\n\n{alert.Detail}\n\nKind: {alert.Kind}\nRaised: {alert.RaisedAt:yyyy-MM-dd HH:mm:ss} UTC\nIncident: {alert.Reference}\n";
}
