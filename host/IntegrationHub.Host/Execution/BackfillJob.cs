using Hangfire;
using Hangfire.Server;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Execution;

/// <summary>The Hangfire job of one backfill, keyed by flow id and run id. A failed backfill is not retried (its row
/// keeps how far it got). Afterwards the flow runs once from its own checkpoint, as schedule firings were skipped while
/// the backfill held the flow.</summary>
public sealed class BackfillJob(BackfillRunner runner, FlowRunDispatcher dispatcher, BackfillStore backfills, TimeProvider timeProvider)
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
        catch (Exception e)
        {
            // Failed before its row was claimed (the database away while it waited): the row must not stay 'queued'.
            await backfills.GiveUpAsync(runId, "failed", PersonalDataMask.MaskText(e.Message), timeProvider.GetUtcNow());
            throw;
        }
        finally
        {
            // A backfill waiting for a maintenance window's end runs again then, and the flow after it.
            if (status is not ("skipped" or BackfillStore.WaitingStatus) && !cancellationToken.IsCancellationRequested)
            {
                await dispatcher.RequestRunAsync(flowId, CatchUpTrigger, CancellationToken.None);
            }
        }
    }
}
