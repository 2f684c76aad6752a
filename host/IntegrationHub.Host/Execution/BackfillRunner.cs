using Hangfire;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Maintenance;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using Npgsql;

namespace IntegrationHub.Host.Execution;

/// <summary>Runs a queued backfill under the flow's run lock, the one scheduled runs take, so the two never read at once.
/// A backfill waits for a scheduled run in progress to end; while the backfill reads, schedule firings find the flow
/// running and are skipped, and <see cref="BackfillJob"/> runs the flow once right after (so a long backfill delays the
/// regular reading, never loses it). A maintenance window of the source keeps a backfill from starting, or stops it after
/// its next commit: it waits ('waiting', with why) for a job at the window's end, which reads on from its position.</summary>
public sealed class BackfillRunner(
    FlowCatalog flows,
    ConnectorCatalog connectors,
    NpgsqlDataSource dataSource,
    FlowRunStore runs,
    BackfillStore backfills,
    FlowPauseStore pauses,
    FlowRunner runner,
    ConnectorMaintenance maintenance,
    WindowEndJobs windowEnds,
    IBackgroundJobClient jobs,
    HubClock clock,
    TimeProvider timeProvider,
    ILogger<BackfillRunner> logger)
{
    /// <summary>How often a queued backfill tries the flow's run lock while another run holds it.</summary>
    public static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(250);

    /// <returns>The backfill's final status; <c>skipped</c> when its row was no longer queued (a late re-run of its job);
    /// <see cref="BackfillStore.WaitingStatus"/> when its source is in maintenance and its job was scheduled again for the
    /// window's end.</returns>
    public async Task<string> RunAsync(string flowId, long runId, string? jobId, CancellationToken cancellationToken)
    {
        if (flows.Find(flowId) is not { } flow || FlowCatalog.IsInbound(flow))
        {
            await backfills.GiveUpAsync(runId, "failed", $"Flow '{flowId}' is no longer configured as a scheduled flow.", timeProvider.GetUtcNow());
            return "failed";
        }

        await using var runLock = await AcquireAsync(flowId, cancellationToken);
        if (await pauses.RefusesRunAsync(flowId, countSkippedRun: false, cancellationToken))
        {
            await backfills.GiveUpAsync(runId, "paused", "The flow was paused before the backfill started; ask for it again once the flow is resumed.", timeProvider.GetUtcNow());
            return "paused";
        }

        // Nothing is read from a counterparty in maintenance: the backfill waits, its job back at the window's end.
        if (await maintenance.CurrentAsync(flow.Source.ConnectorId, cancellationToken) is { } window &&
            await backfills.ActiveAsync(flowId, cancellationToken) is { Status: "queued" or BackfillStore.WaitingStatus } waiting && waiting.Id == runId)
        {
            return await WaitAsync(flowId, runId, window, cancellationToken);
        }

        // Holding the lock, a row still 'running' lost its host (as for a scheduled run); this one is still 'queued'.
        await runs.AbandonRunningAsync(flowId, timeProvider.GetUtcNow(), cancellationToken);
        if (await backfills.StartAsync(runId, jobId, timeProvider.GetUtcNow(), cancellationToken) is not { Backfill: { } backfill } row)
        {
            logger.LogInformation("Flow {FlowId} backfill {RunId} is no longer queued; job {JobId} does nothing", flowId, runId, jobId);
            return "skipped";
        }

        // Stopped by a maintenance window before: on from the last checkpoint it committed.
        var from = new SourceCheckpoint(backfill.Position ?? backfill.From);
        var scope = backfill.To is { } to && connectors.GetSource(flow.Source.ConnectorId) is ITimeOrderedSource timed
            ? new BackfillScope(from, checkpoint => timed.TimeOf(flow.Source.Stream, checkpoint) >= to)
            : BackfillScope.ToTheEnd(from);
        logger.LogInformation("Flow {FlowId} backfill {RunId} ({Trigger}) reads from {From} to {To}: {Reason}", flowId, runId, row.Trigger, from.State, backfill.To?.ToString("O") ?? "the end", backfill.Reason);
        var status = await runner.ExecuteAsync(flow, runId, row.Trigger, scope, cancellationToken);
        if (status != FlowRunner.MaintenanceStatus)
        {
            return status;
        }

        // A window began while it read: it stopped after its next commit, its position kept. A window over by now (ended
        // early) is taken as ending now.
        var began = await maintenance.CurrentAsync(flow.Source.ConnectorId, cancellationToken)
            ?? new MaintenanceWindow(flow.Source.ConnectorId, timeProvider.GetUtcNow(), timeProvider.GetUtcNow(), "ended", MaintenanceWindow.OneOff);
        return await WaitAsync(flowId, runId, began, cancellationToken);
    }

    /// <summary>The backfill waits for <paramref name="window"/>'s end: 'waiting' with why, and one job at the end (however
    /// often its job meets the window meanwhile) that runs it again.</summary>
    private async Task<string> WaitAsync(string flowId, long runId, MaintenanceWindow window, CancellationToken cancellationToken)
    {
        var why = $"{window.ConnectorId} is in maintenance until {clock.Format(window.To)} ({clock.ZoneLabel}): {window.Reason}; the backfill reads on from its position then";
        if (!await backfills.WaitAsync(runId, why, cancellationToken))
        {
            return "skipped";
        }

        var jobId = windowEnds.ScheduleOnce($"backfill:{runId}", window.To,
            due => jobs.Schedule<BackfillJob>(job => job.RunAsync(flowId, runId, null, CancellationToken.None), due));
        if (jobId is not null)
        {
            await backfills.SetJobAsync(runId, jobId, cancellationToken);
        }

        logger.LogInformation("Flow {FlowId} backfill {RunId} waits: {Why} (job {JobId})", flowId, runId, why, jobId ?? "already scheduled");
        return BackfillStore.WaitingStatus;
    }

    private async Task<FlowLock> AcquireAsync(string flowId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await FlowLock.TryAcquireAsync(dataSource, FlowRunner.RunLockName(flowId), cancellationToken) is { } acquired)
            {
                return acquired;
            }

            await Task.Delay(LockRetryInterval, timeProvider, cancellationToken);
        }
    }
}
