using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using IntegrationHub.Host.Scheduling;
using Quartz;

namespace IntegrationHub.Host.Payments;

/// <summary>At start: the QUERY and reconciliation triggers (cron in the province's time zone) as config says.</summary>
public sealed class PaymentScheduler(ISchedulerFactory schedulers, IOptions<PaymentsOptions> options, ILogger<PaymentScheduler> logger) : IHostedService
{
    private const string Group = "payments";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        foreach (var (task, cron) in new[] { (ScheduledWorkJob.PaymentQuery, options.Value.QuerySchedule), (ScheduledWorkJob.Reconciliation, options.Value.ReconcileSchedule) })
        {
            var key = new JobKey(task, Group);
            var job = JobBuilder.Create<ScheduledWorkJob>().WithIdentity(key).UsingJobData(ScheduledWorkJob.TaskKey, task).StoreDurably().Build();
            if (await scheduler.GetTrigger(new TriggerKey(key.Name, Group), cancellationToken) is ICronTrigger existing &&
                existing.CronExpressionString == cron && existing.TimeZone.Id == zone.Id)
            {
                // Keep the trigger (a slot missed while the hub was down fires once), refresh what it runs.
                await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
                continue;
            }

            var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key)
                .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            logger.LogInformation("Payments {Task} scheduled '{Cron}' ({TimeZone})", task, cron, zone.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
