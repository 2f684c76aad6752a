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
        var sweepKey = new JobKey(ScheduledWorkJob.AlertSweep, Group);
        var sweep = JobBuilder.Create<ScheduledWorkJob>().WithIdentity(sweepKey).UsingJobData(ScheduledWorkJob.TaskKey, ScheduledWorkJob.AlertSweep).StoreDurably().Build();
        var sweepTrigger = TriggerBuilder.Create().WithIdentity(sweepKey.Name, Group).ForJob(sweepKey)
            .StartAt(DateTimeOffset.UtcNow + settings.SweepInterval)
            .WithSimpleSchedule(s => s.WithInterval(settings.SweepInterval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(sweep, [sweepTrigger], ScheduleJobOptions.Replacing, cancellationToken);

        var digest = JobBuilder.Create<ScheduledWorkJob>().WithIdentity(new JobKey(ScheduledWorkJob.AlertDigest, Group))
            .UsingJobData(ScheduledWorkJob.TaskKey, ScheduledWorkJob.AlertDigest).StoreDurably().Build();
        await CronSchedule.EnsureAsync(scheduler, digest, settings.DigestSchedule, TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
