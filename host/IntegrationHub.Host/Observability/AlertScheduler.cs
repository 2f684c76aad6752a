using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
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
        var sweepKey = new JobKey("alerts:sweep", Group);
        var sweep = JobBuilder.Create<AlertScheduleJob>().WithIdentity(sweepKey).UsingJobData(AlertScheduleJob.TaskKey, AlertScheduleJob.SweepTask).StoreDurably().Build();
        var sweepTrigger = TriggerBuilder.Create().WithIdentity(sweepKey.Name, Group).ForJob(sweepKey)
            .StartAt(DateTimeOffset.UtcNow + settings.SweepInterval)
            .WithSimpleSchedule(s => s.WithInterval(settings.SweepInterval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(sweep, [sweepTrigger], ScheduleJobOptions.Replacing, cancellationToken);

        var digestKey = new JobKey("alerts:digest", Group);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        if (await scheduler.GetTrigger(new TriggerKey(digestKey.Name, Group), cancellationToken) is ICronTrigger existing &&
            existing.CronExpressionString == settings.DigestSchedule && existing.TimeZone.Id == zone.Id)
        {
            return;
        }

        var digest = JobBuilder.Create<AlertScheduleJob>().WithIdentity(digestKey).UsingJobData(AlertScheduleJob.TaskKey, AlertScheduleJob.DigestTask).StoreDurably().Build();
        var digestTrigger = TriggerBuilder.Create().WithIdentity(digestKey.Name, Group).ForJob(digestKey)
            .WithCronSchedule(settings.DigestSchedule, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(digest, [digestTrigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
