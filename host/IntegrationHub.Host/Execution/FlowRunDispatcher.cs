using Hangfire;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Host.Execution;

/// <summary>Enqueues a flow's run job unless the flow is running already. Schedules, the admin API and
/// run-on-start all come through here.</summary>
public sealed class FlowRunDispatcher(FlowCatalog flows, NpgsqlDataSource dataSource, FlowRunStore runs, IBackgroundJobClient jobs)
{
    public async Task<FlowRunRequest> RequestRunAsync(string flowId, string trigger, CancellationToken cancellationToken)
    {
        if (flows.Find(flowId) is not { } flow)
        {
            return new FlowRunRequest(FlowRunRequestStatus.UnknownFlow, null);
        }

        if (FlowCatalog.IsInbound(flow))
        {
            return new FlowRunRequest(FlowRunRequestStatus.Inbound, null);
        }

        if (await FlowLock.IsHeldAsync(dataSource, FlowRunner.RunLockName(flowId), cancellationToken))
        {
            var running = await runs.LastAsync(flowId, cancellationToken);
            return new FlowRunRequest(FlowRunRequestStatus.AlreadyRunning, running?.JobId);
        }

        var jobId = jobs.Enqueue<FlowRunJob>(job => job.RunAsync(flowId, trigger, null, CancellationToken.None));
        return new FlowRunRequest(FlowRunRequestStatus.Enqueued, jobId);
    }
}
