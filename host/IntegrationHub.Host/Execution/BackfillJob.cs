using Hangfire;
using Hangfire.Server;

namespace IntegrationHub.Host.Execution;

/// <summary>The Hangfire job of one backfill, keyed by flow id and run id. A failed backfill is not retried (its row
/// keeps how far it got). Afterwards the flow runs once from its own checkpoint, as schedule firings were skipped while
/// the backfill held the flow.</summary>
public sealed class BackfillJob(BackfillRunner runner, FlowRunDispatcher dispatcher)
{
    /// <summary>The trigger of the run that follows a backfill.</summary>
    public const string CatchUpTrigger = "after-backfill";

    [JobDisplayName("Flow {0}: backfill run {1}")]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string flowId, long runId, PerformContext? context, CancellationToken cancellationToken)
    {
        var status = "failed";
        try
        {
            status = await runner.RunAsync(flowId, runId, context?.BackgroundJob.Id, cancellationToken);
        }
        finally
        {
            if (status != "skipped" && !cancellationToken.IsCancellationRequested)
            {
                await dispatcher.RequestRunAsync(flowId, CatchUpTrigger, CancellationToken.None);
            }
        }
    }
}
