using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>At start: the hub's housekeeping triggers and the connectors' connectivity checks (cron in the default time zone),
/// and this month's history partitions (a hub started after a month's start takes its ids from the month at once).</summary>
public sealed class MaintenanceScheduler(
    ISchedulerFactory schedulers, HistoryPartitionStore history, TimeProvider timeProvider, IOptions<HubOptions> options, ILogger<MaintenanceScheduler> logger) : IHostedService
{
    private const string Group = "maintenance";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.Scheduling.DefaultTimeZone);
        var cron = options.Value.Attachments.CleanupSchedule;
        var (_, next) = await CronSchedule.EnsureAsync(scheduler, ScheduledWorkJob.For(ScheduledWorkJob.AttachmentCleanup, Group), cron, zone, cancellationToken);
        logger.LogInformation("Attachment cleanup scheduled '{Cron}' ({TimeZone}); next {Next:O}", cron, zone.Id, next);
        var checks = options.Value.Connectivity.Schedule;
        (_, next) = await CronSchedule.EnsureAsync(scheduler, ScheduledWorkJob.For(ScheduledWorkJob.ConnectivityCheck, Group), checks, zone, cancellationToken);
        logger.LogInformation("Connectivity checks scheduled '{Cron}' ({TimeZone}); next {Next:O}", checks, zone.Id, next);
        var retention = options.Value.Retention.Schedule;
        (_, next) = await CronSchedule.EnsureAsync(scheduler, ScheduledWorkJob.For(ScheduledWorkJob.HistoryRetention, Group), retention, zone, cancellationToken);
        logger.LogInformation("History retention scheduled '{Cron}' ({TimeZone}); next {Next:O}", retention, zone.Id, next);
        var partition = await history.AdvanceAsync(timeProvider.GetUtcNow(), cancellationToken);
        logger.LogInformation("History partition {Partition} takes new messages", partition);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
