using IntegrationHub.Host.Modules;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>At start: a cron trigger per module task (task <c>area:name</c> is job <c>area:name</c> in group
/// <c>area</c>), in the task's time zone.</summary>
public sealed class RecurringTaskScheduler(ISchedulerFactory schedulers, ModuleContributions modules, IServiceProvider services, ILogger<RecurringTaskScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var task in modules.RecurringTasks)
        {
            var schedule = task.Schedule(services);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
            var group = task.Name.Split(':')[0];
            var (_, next) = await CronSchedule.EnsureAsync(scheduler, ScheduledWorkJob.For(task.Name, group), schedule.Cron, zone, cancellationToken);
            logger.LogInformation("Task {Task} scheduled '{Cron}' ({TimeZone}); next {Next:O}", task.Name, schedule.Cron, zone.Id, next);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
