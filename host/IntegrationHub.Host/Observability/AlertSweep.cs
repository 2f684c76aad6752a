using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>Raises an alert per flow whose messages became dead letters (the incident is named by the oldest dead
/// letter not yet replayed or discarded, so more dead letters of the same episode, or retries, add nothing), then mails every alert
/// not mailed yet. A mail that fails stays unsent and is tried at the next sweep. Also raises an alert while inbox
/// messages are parked (set aside by the router, <c>hub.inbox_parked</c>), and while routing is stalled (the oldest message a flow reads waited longer than
/// <c>Inbound:UnroutedAlertAge</c>), one per incident.</summary>
public sealed class AlertSweep(
    NpgsqlDataSource dataSource,
    AlertStore alerts,
    AlertMailer mailer,
    InboxRoutingMonitor inbox,
    IOptions<InboundOptions> inboundOptions,
    IOptions<AlertOptions> alertOptions,
    AlertMailText text,
    Sla.SlaBreachCheck slaBreaches,
    ILogger<AlertSweep> logger)
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
        await RaiseInboxAlertsAsync(cancellationToken);
        await slaBreaches.RunAsync(cancellationToken);
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
            await mailer.SendAsync(unsent.Select(a => ($"[IntegrationHub] {a.Subject}", text.Body(a))).ToList(),
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
                $"{count.ToString(CultureInfo.InvariantCulture)} message(s) of flow {flow} were rejected and are dead letters; replay or discard them on the dead-letters page.",
                $"dead-letters:{flow}:{oldest.ToString(CultureInfo.InvariantCulture)}", $"/hangfire/dead-letters?flow={Uri.EscapeDataString(flow)}", cancellationToken);
        }
    }

    private async Task RaiseInboxAlertsAsync(CancellationToken cancellationToken)
    {
        var status = await inbox.ReadAsync(cancellationToken);
        if (status.OldestParkedId is { } oldest)
        {
            // Named by the oldest parked message, like dead letters: more joining, or a replay parked again, add nothing.
            await alerts.RaiseAsync("inbox_parked",
                "Tin nhắn đến không định tuyến được (parked inbox messages)",
                $"{status.Parked.ToString(CultureInfo.InvariantCulture)} received message(s) could not be routed into their flow and are set aside; the rest flows on. See GET /api/inbox/parked or /hangfire/inbox-parked, fix the cause, then replay or discard them with a reason.",
                $"inbox-parked:{oldest.ToString(CultureInfo.InvariantCulture)}", "/hangfire/inbox-parked", cancellationToken);
        }

        var age = inboundOptions.Value.UnroutedAlertAge;
        if (status.OldestWait is { } wait && wait > age)
        {
            // A stall seen again within the alert age (or two sweeps) is the same incident.
            var gap = TimeSpan.FromTicks(Math.Max(age.Ticks, 2 * alertOptions.Value.SweepInterval.Ticks));
            var began = await alerts.EpisodeBeganAsync("inbox-stalled", gap, cancellationToken);
            await alerts.RaiseAsync("inbox_stalled",
                "Định tuyến tin nhắn đến bị đình trệ (inbox routing stalled)",
                $"The oldest received message a flow reads has waited {((long)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s without being routed (Inbound:UnroutedAlertAge {age}). Pushes and payment events are acknowledged but do not reach their flows; see /health/ready and the hub's log.",
                $"inbox-stalled:{began.UtcTicks.ToString(CultureInfo.InvariantCulture)}", "/health/ready", cancellationToken);
        }
    }
}
