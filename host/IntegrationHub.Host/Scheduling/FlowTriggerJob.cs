using IntegrationHub.Host.Execution;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>A Quartz trigger's only work: ask for a Hangfire run of its flow. Quartz owns when; Hangfire owns how.</summary>
[DisallowConcurrentExecution]
public sealed class FlowTriggerJob(FlowRunDispatcher dispatcher, ILogger<FlowTriggerJob> logger) : IJob
{
    public const string FlowIdKey = "flowId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var flowId = context.MergedJobDataMap.GetString(FlowIdKey) ?? throw new JobExecutionException("Trigger without a flow id.");
        var request = await dispatcher.RequestRunAsync(flowId, "schedule", cancellationToken);
        logger.LogDebug("Schedule of flow {FlowId} fired: {Status} (job {JobId})", flowId, request.Status, request.JobId);
    }
}
