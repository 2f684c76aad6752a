using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>Puts a job on a cron trigger in a time zone. An unchanged trigger is kept, so a slot missed while the hub
/// was down fires once at start (misfire: fire and proceed) instead of being forgotten by a fresh trigger; the job it
/// runs is refreshed either way. A changed calendar or misfire policy (<see cref="CronTriggerPolicy"/>) makes a new trigger.</summary>
public static class CronSchedule
{
    /// <returns>Whether the existing trigger was kept, and the next fire time.</returns>
    public static async Task<(bool Kept, DateTimeOffset? Next)> EnsureAsync(IScheduler scheduler, IJobDetail job, string cron, TimeZoneInfo zone, CancellationToken cancellationToken, CronTriggerPolicy? policy = null)
    {
        policy ??= CronTriggerPolicy.Default;
        var triggerKey = new TriggerKey(job.Key.Name, job.Key.Group);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing &&
            existing.CronExpressionString == cron && existing.TimeZone.Id == zone.Id &&
            existing.CalendarName == policy.CalendarName && existing.MisfireInstruction == policy.MisfireInstruction)
        {
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
            return (true, existing.NextFireTimeUtc);
        }

        var trigger = TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(job.Key)
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(policy.MisfireInstruction))
            .WithCalendarName(policy.CalendarName)
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        // Quartz computed the first fire time with the calendar applied.
        return (false, (await scheduler.GetTrigger(triggerKey, cancellationToken))?.NextFireTimeUtc);
    }
}
