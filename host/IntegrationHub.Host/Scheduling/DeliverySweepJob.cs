using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Storage;
using Npgsql;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>Every sweep interval (once per cluster), enqueues delivery for each flow and destination that has messages
/// due and nobody delivering them: picks up deferred retries, and deliveries whose Hangfire job ran out of retries
/// during a long outage, so nothing stays pending until the next run.</summary>
[DisallowConcurrentExecution]
public sealed class DeliverySweepJob(
    DeliveryStore deliveries, DeliveryDispatcher dispatcher, DeliveryMaintenance maintenance, NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<DeliverySweepJob> logger) : IJob
{
    private static readonly JobKey Key = new("delivery-sweep", "hub");

    /// <summary><c>Hub:Delivery:SweepInterval</c>, at most half of <c>Hub:Takeover:After</c>.</summary>
    public static TimeSpan IntervalFor(HubOptions options) =>
        TimeSpan.FromTicks(Math.Min(options.Delivery.SweepInterval.Ticks, options.Takeover.After.Ticks / 2));

    public static async Task ScheduleAsync(IScheduler scheduler, TimeSpan interval, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<DeliverySweepJob>().WithIdentity(Key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Key.Name, Key.Group)
            .ForJob(Key)
            .StartAt(DateTimeOffset.UtcNow + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var (flowId, destination) in await deliveries.DuePendingPairsAsync(timeProvider.GetUtcNow(), cancellationToken))
        {
            // A counterparty in maintenance (the destination's or its enricher's) is not due: a job at the window's end
            // delivers (see DeliveryRunner).
            if (IntegrationHub.Contracts.StreamRef.TryParse(destination, out var target) && await maintenance.CurrentAsync(flowId, target!.ConnectorId, cancellationToken) is not null)
            {
                continue;
            }

            if (!await FlowLock.IsHeldAsync(dataSource, DeliveryRunner.DeliverLockName(flowId, destination), cancellationToken))
            {
                var jobId = dispatcher.Enqueue(flowId, destination);
                logger.LogInformation("Delivery sweep: flow {FlowId} has messages due for {Destination}; enqueued job {JobId}", flowId, destination, jobId);
            }
        }
    }
}
