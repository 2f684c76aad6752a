using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
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
        foreach (var (task, cron) in new[] { (PaymentScheduleJob.QueryTask, options.Value.QuerySchedule), (PaymentScheduleJob.ReconcileTask, options.Value.ReconcileSchedule) })
        {
            var key = new JobKey($"payments:{task}", Group);
            if (await scheduler.GetTrigger(new TriggerKey(key.Name, Group), cancellationToken) is ICronTrigger existing &&
                existing.CronExpressionString == cron && existing.TimeZone.Id == zone.Id)
            {
                continue;
            }

            var job = JobBuilder.Create<PaymentScheduleJob>().WithIdentity(key).UsingJobData(PaymentScheduleJob.TaskKey, task).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key)
                .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            logger.LogInformation("Payments {Task} scheduled '{Cron}' ({TimeZone})", task, cron, zone.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
