using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>At start: makes Quartz's flow triggers match config (cron in the flow's time zone), schedules the
/// delivery sweep, starts the flows marked RunOnStart, and resumes deliveries a previous host left pending.</summary>
public sealed class FlowScheduler(
    ISchedulerFactory schedulerFactory,
    FlowCatalog flows,
    FlowRunDispatcher runs,
    DeliveryStore deliveries,
    DeliveryDispatcher deliveryDispatcher,
    IOptions<HubOptions> hubOptions,
    ILogger<FlowScheduler> logger) : IHostedService
{
    public const string Group = "flows";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        // Inbound flows have no schedule: the inbox router delivers their messages as they arrive.
        var configured = flows.Flows.Where(f => !FlowCatalog.IsInbound(f)).ToList();
        foreach (var flow in configured)
        {
            await ScheduleAsync(scheduler, flow, cancellationToken);
        }

        // Flows removed from config lose their schedule.
        var keep = configured.Select(f => JobName(f.Id)).ToHashSet(StringComparer.Ordinal);
        var jobs = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group) }, cancellationToken);
        foreach (var stale in jobs.Items.Where(j => !keep.Contains(j.Key.Name)))
        {
            await scheduler.DeleteJob(stale.Key, cancellationToken);
            logger.LogInformation("Removed schedule {Job}: its flow is no longer configured", stale.Key.Name);
        }

        await DeliverySweepJob.ScheduleAsync(scheduler, hubOptions.Value.Delivery.SweepInterval, cancellationToken);

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

    private static string JobName(string flowId) => $"flow:{flowId}";

    /// <summary>An unchanged trigger is kept, so a slot missed while the hub was down fires once at start
    /// (misfire: fire and proceed) instead of being forgotten by a fresh trigger.</summary>
    private async Task ScheduleAsync(IScheduler scheduler, FlowDefinition flow, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(flow.TimeZone);
        var triggerKey = new TriggerKey(JobName(flow.Id), Group);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing &&
            existing.CronExpressionString == flow.Schedule && existing.TimeZone.Id == zone.Id)
        {
            logger.LogInformation("Flow {FlowId} keeps its schedule '{Cron}' ({TimeZone}); next run {Next:O}", flow.Id, flow.Schedule, flow.TimeZone, existing.NextFireTimeUtc);
            return;
        }

        var jobKey = new JobKey(JobName(flow.Id), Group);
        var job = JobBuilder.Create<FlowTriggerJob>().WithIdentity(jobKey).UsingJobData(FlowTriggerJob.FlowIdKey, flow.Id).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .WithCronSchedule(flow.Schedule, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        logger.LogInformation("Flow {FlowId} scheduled '{Cron}' ({TimeZone}); next run {Next:O}", flow.Id, flow.Schedule, flow.TimeZone,
            trigger.GetFireTimeAfter(DateTimeOffset.UtcNow));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
