using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>At start: makes Quartz's flow triggers match config (cron in the flow's time zone), starts the flows
/// marked RunOnStart, and resumes deliveries a previous host left pending.</summary>
public sealed class FlowScheduler(
    ISchedulerFactory schedulerFactory,
    FlowCatalog flows,
    FlowRunDispatcher runs,
    DeliveryStore deliveries,
    DeliveryDispatcher deliveryDispatcher,
    ILogger<FlowScheduler> logger) : IHostedService
{
    public const string Group = "flows";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var configured = flows.Flows;

        // Start from config's truth: flows removed from config lose their schedule. Each host deletes, then
        // schedules with replace, so hosts starting together still end with every configured trigger.
        await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken);
        foreach (var flow in configured)
        {
            var key = new JobKey($"flow:{flow.Id}", Group);
            var job = JobBuilder.Create<FlowTriggerJob>().WithIdentity(key).UsingJobData(FlowTriggerJob.FlowIdKey, flow.Id).StoreDurably().Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"flow:{flow.Id}", Group)
                .ForJob(key)
                .WithCronSchedule(flow.Schedule, cron => cron
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(flow.TimeZone))
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            logger.LogInformation("Flow {FlowId} scheduled '{Cron}' ({TimeZone}); next run {Next:O}", flow.Id, flow.Schedule, flow.TimeZone,
                trigger.GetFireTimeAfter(DateTimeOffset.UtcNow));
        }

        foreach (var flow in configured.Where(f => f.RunOnStart))
        {
            var request = await runs.RequestRunAsync(flow.Id, "start", cancellationToken);
            logger.LogInformation("Flow {FlowId} run on start: {Status} (job {JobId})", flow.Id, request.Status, request.JobId);
        }

        foreach (var (flowId, destination) in await deliveries.PendingPairsAsync(cancellationToken))
        {
            deliveryDispatcher.Enqueue(flowId, destination);
        }

    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
