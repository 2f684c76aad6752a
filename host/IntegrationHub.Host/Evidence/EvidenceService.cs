using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Evidence;

/// <summary>Runs the evidence log on every host: links queued lines every <c>LinkInterval</c>, signs the heads every
/// <c>SignInterval</c> and once after each local midnight (for the day that ended; after a stop, at start), and
/// re-checks chains and heads every <c>VerifyInterval</c>. Hosts take turns through the sequencer's lock.</summary>
public sealed class EvidenceService(
    EvidenceSequencer sequencer, EvidenceHeadSigner signer, EvidenceVerifier verifier, NpgsqlDataSource dataSource,
    IOptions<HubOptions> options, TimeProvider timeProvider, ILogger<EvidenceService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ApplyEnabledAsync(options.Value.Evidence.Enabled, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Evidence;
        if (!settings.Enabled)
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var nextSign = timeProvider.GetUtcNow() + settings.SignInterval;
        var nextVerify = timeProvider.GetUtcNow() + settings.VerifyInterval;
        using var timer = new PeriodicTimer(settings.LinkInterval, timeProvider);
        do
        {
            try
            {
                await sequencer.LinkAsync(stoppingToken);
                var now = timeProvider.GetUtcNow();
                var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-1);
                if (!await signer.HasDayHeadAsync(yesterday, stoppingToken))
                {
                    await signer.SignAsync(yesterday, stoppingToken);
                }

                if (now >= nextSign)
                {
                    await signer.SignAsync(null, stoppingToken);
                    nextSign = now + settings.SignInterval;
                }

                if (now >= nextVerify)
                {
                    await verifier.VerifyAsync(stoppingToken);
                    nextVerify = now + settings.VerifyInterval;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The evidence log could not link, sign or verify this time; it tries again in {Interval}", settings.LinkInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    /// <summary>Off: new log lines are not queued (the queueing trigger is disabled, so writers pay nothing); on again:
    /// queued from then on. Changed only when it differs, as the change takes a brief lock on the message log.</summary>
    private async Task ApplyEnabledAsync(bool enabled, CancellationToken cancellationToken)
    {
        await using var check = dataSource.CreateCommand("select tgenabled <> 'D' from pg_trigger where tgname = 'evidence_queued' and tgrelid = 'hub.message_log'::regclass");
        if (await check.ExecuteScalarAsync(cancellationToken) is bool current && current != enabled)
        {
            await using var change = dataSource.CreateCommand($"alter table hub.message_log {(enabled ? "enable" : "disable")} trigger evidence_queued");
            await change.ExecuteNonQueryAsync(cancellationToken);
            logger.LogWarning("Evidence log {State}: message-log lines are {What} from now on", enabled ? "enabled" : "disabled", enabled ? "linked" : "NOT linked");
        }
    }
}
