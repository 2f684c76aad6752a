using Hangfire;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Maintenance;
using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Host.Execution;

/// <summary>Enqueues a flow's run job unless the flow is paused or running already. Schedules, the admin API,
/// run-on-start and resume all come through here.</summary>
public sealed class FlowRunDispatcher(FlowCatalog flows, NpgsqlDataSource dataSource, FlowRunStore runs, FlowPauseStore pauses, IBackgroundJobClient jobs, WindowEndJobs windowEnds)
{
    /// <summary>The trigger of a run an operator asked for; refused while paused, but not counted as a skipped run.</summary>
    public const string AdminTrigger = "admin";

    /// <summary>A run at <paramref name="at"/> (a maintenance window's end), once per flow and time on this host however
    /// many runs the window refused.</summary>
    /// <returns>The job scheduled, or null when one was already.</returns>
    public string? ScheduleOnce(string flowId, string trigger, DateTimeOffset at) =>
        windowEnds.ScheduleOnce($"run:{flowId}", at, due => jobs.Schedule<FlowRunJob>(job => job.RunAsync(flowId, trigger, null, CancellationToken.None), due));

    /// <summary>The trigger of a run an officer asked for: <c>admin:</c> and who.</summary>
    public static string OfficerTrigger(string officer) => $"{AdminTrigger}:{officer}";

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

        // A refused schedule firing is counted, so that resuming runs the flow once instead of waiting for the next one.
        if (await pauses.RefusesRunAsync(flowId, countSkippedRun: trigger != AdminTrigger && !trigger.StartsWith(AdminTrigger + ":", StringComparison.Ordinal), cancellationToken))
        {
            return new FlowRunRequest(FlowRunRequestStatus.Paused, null);
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
