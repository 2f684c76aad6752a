using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using IntegrationHub.Host.Scheduling;
using Quartz;

namespace IntegrationHub.Host.Observability;

/// <summary>At start: the alert sweep (every <c>Alerts:SweepInterval</c>) and the daily digest (cron in local time).</summary>
public sealed class AlertScheduler(ISchedulerFactory schedulers, IOptions<AlertOptions> options) : IHostedService
{
    private const string Group = "alerts";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var settings = options.Value;
        var sweep = ScheduledWorkJob.For(ScheduledWorkJob.AlertSweep, Group);
        var sweepTrigger = TriggerBuilder.Create().WithIdentity(sweep.Key.Name, Group).ForJob(sweep.Key)
            .StartAt(DateTimeOffset.UtcNow + settings.SweepInterval)
            .WithSimpleSchedule(s => s.WithInterval(settings.SweepInterval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(sweep, [sweepTrigger], ScheduleJobOptions.Replacing, cancellationToken);

        await CronSchedule.EnsureAsync(scheduler, ScheduledWorkJob.For(ScheduledWorkJob.AlertDigest, Group), settings.DigestSchedule, TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
