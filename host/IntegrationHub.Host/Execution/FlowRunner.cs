using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using System.Diagnostics;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Maintenance;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Scheduling;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Execution;

/// <summary>Reads a flow's source from its last checkpoint and makes the records durable as messages, committing
/// each checkpoint with the records before it. Delivery runs beside it as its own jobs. A run of a flow paused meanwhile
/// stops after its next commit (status <c>paused</c>); the resumed flow reads on from the checkpoint it left.</summary>
public sealed class FlowRunner(
    FlowCatalog flows,
    ConnectorCatalog connectors,
    NpgsqlDataSource dataSource,
    MessageStore messages,
    FlowRunStore runs,
    FlowPauseStore pauses,
    DeliveryDispatcher deliveries,
    ConnectorMaintenance maintenance,
    FlowRunDispatcher runDispatcher,
    HubClock clock,
    HubTracing tracing,
    HubMetrics metrics,
    IOptions<HubOptions> hubOptions,
    TimeProvider timeProvider,
    ILogger<FlowRunner> logger)
{
    /// <summary>How often a run commits what it has read even without a checkpoint or a full buffer (so its progress,
    /// kept in its row, moves while it reads), and asks whether its flow was paused.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>The status of a run that did not read because its source was in maintenance.</summary>
    public const string MaintenanceStatus = "maintenance";

    public static string RunLockName(string flowId) => $"flow-run:{flowId}";

    /// <returns>The final status of the run: succeeded, paused (stopped, or not started, because an operator paused
    /// the flow), or skipped when another run holds the flow.</returns>
    public async Task<string> RunAsync(string flowId, string? jobId, string trigger, CancellationToken cancellationToken)
    {
        var flow = flows.Find(flowId) ?? throw new NonRetryableJobException($"Flow '{flowId}' is not configured or is disabled.");
        await using var runLock = await FlowLock.TryAcquireAsync(dataSource, RunLockName(flowId), cancellationToken);
        if (runLock is null)
        {
            logger.LogDebug("Flow {FlowId} is already running; this {Trigger} run is skipped", flowId, trigger);
            return "skipped";
        }

        // A dead host's job that Hangfire fetches again (after Hub:Jobs:InvisibilityTimeout) was taken over long ago.
        if (jobId is not null && await runs.WasAbandonedAsync(jobId, cancellationToken))
        {
            logger.LogInformation("Flow {FlowId}: job {JobId}'s run was abandoned by its host and taken over; this late re-run does nothing", flowId, jobId);
            return "skipped";
        }

        // A job enqueued just before the pause (or a retry of a failed run) starts nothing; counted, so resume runs it.
        if (await pauses.RefusesRunAsync(flowId, countSkippedRun: true, cancellationToken))
        {
            logger.LogInformation("Flow {FlowId} is paused; this {Trigger} run does not start", flowId, trigger);
            return "paused";
        }

        if (await maintenance.CurrentAsync(flow.Source.ConnectorId, cancellationToken) is { } window)
        {
            return await SkipForMaintenanceAsync(flowId, jobId, trigger, window, cancellationToken);
        }

        await runs.AbandonRunningAsync(flowId, timeProvider.GetUtcNow(), cancellationToken);
        var runId = await runs.StartAsync(flowId, jobId, trigger, timeProvider.GetUtcNow(), cancellationToken);
        return await ExecuteAsync(flow, runId, trigger, null, cancellationToken);
    }

    /// <summary>The run whose row <paramref name="runId"/> was just marked running, under the flow's run lock: reads from
    /// the flow's checkpoint, or for a backfill from its own start, keeping its position in its row, never the flow's
    /// checkpoint, and stopping where its scope says. A failed backfill is not retried (its row shows how far it got).</summary>
    public async Task<string> ExecuteAsync(FlowDefinition flow, long runId, string trigger, BackfillScope? backfill, CancellationToken cancellationToken)
    {
        var flowId = flow.Id;
        var started = timeProvider.GetTimestamp();
        var outcome = "failed";
        using var run = tracing.StartRun(flowId, runId, trigger);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["FlowId"] = flowId,
            ["RunId"] = runId,
            ["TraceId"] = run?.TraceId.ToHexString() ?? string.Empty,
        });
        var destinations = flow.Destinations.Select(d => d.ToString()).ToList();
        try
        {
            var checkpoint = backfill?.From ?? await messages.LoadCheckpointAsync(flowId, cancellationToken);
            logger.LogDebug("Flow {FlowId} run {RunId} ({Trigger}) reads {Source} from checkpoint {Checkpoint}", flowId, runId, trigger, flow.Source, checkpoint?.State ?? "(start)");
            var (read, filtered, created, paused) = await ReadAsync(flow, runId, run, checkpoint, destinations, backfill, cancellationToken);
            if (paused && !await pauses.RefusesRunAsync(flowId, countSkippedRun: false, cancellationToken) &&
                await maintenance.CurrentAsync(flow.Source.ConnectorId, cancellationToken) is { } began)
            {
                outcome = MaintenanceStatus;
                if (backfill is not null)
                {
                    // Its row stays 'running': BackfillRunner makes it wait for the window's end and read on from its position.
                    return MaintenanceStatus;
                }

                var why = Why(began);
                await runs.FinishAsync(runId, MaintenanceStatus, why, timeProvider.GetUtcNow());
                runDispatcher.ScheduleOnce(flowId, ConnectorMaintenance.EndTrigger, began.To);
                logger.LogInformation("Flow {FlowId} run {RunId} stopped: {Why}; {Read} records read, {Created} new messages; it reads on from its last checkpoint", flowId, runId, why, read, created);
                return MaintenanceStatus;
            }

            if (paused)
            {
                outcome = "paused";
                await runs.FinishAsync(runId, "paused", null, timeProvider.GetUtcNow());
                logger.LogInformation("Flow {FlowId} run {RunId} stopped because the flow was paused: {Read} records read, {Created} new messages; it resumes from its last checkpoint", flowId, runId, read, created);
                return "paused";
            }

            await runs.FinishAsync(runId, "succeeded", null, timeProvider.GetUtcNow());
            outcome = "succeeded";
            run?.SetTag("integrationhub.records_read", read).SetTag("integrationhub.messages_created", created);
            // A routine run that found nothing to do is not news (a development run would log it every few seconds).
            logger.Log(created > 0 ? LogLevel.Information : LogLevel.Debug, "Flow {FlowId} run {RunId} succeeded: {Read} records read, {Filtered} filtered out, {Created} new messages", flowId, runId, read, filtered, created);
            return "succeeded";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            await runs.FinishAsync(runId, "cancelled", "cancelled; the next run resumes from the last checkpoint", timeProvider.GetUtcNow());
            logger.LogWarning("Flow {FlowId} run {RunId} was cancelled", flowId, runId);
            throw;
        }
        catch (ConnectorException e) when (e.Failure.Kind != FailureKind.Transient)
        {
            var error = PersonalDataMask.MaskText(e.Message);
            await runs.FinishAsync(runId, "failed", error, timeProvider.GetUtcNow());
            logger.LogError("Flow {FlowId} run {RunId} failed and will not be retried: {Error}", flowId, runId, error);
            throw new NonRetryableJobException(error, MaskedException.Guard(e));
        }
        catch (Exception e) when (backfill is not null && e is not OperationCanceledException)
        {
            var error = PersonalDataMask.MaskText(e.Message);
            await runs.FinishAsync(runId, "failed", error, timeProvider.GetUtcNow());
            logger.LogError("Flow {FlowId} backfill {RunId} failed and will not be retried; it can be asked again from its position: {Error}", flowId, runId, error);
            throw new NonRetryableJobException(error, MaskedException.Guard(e));
        }
        catch (Exception e)
        {
            var error = PersonalDataMask.MaskText(e.Message);
            await runs.FinishAsync(runId, "failed", error, timeProvider.GetUtcNow());
            logger.LogWarning("Flow {FlowId} run {RunId} failed and will be retried from its last checkpoint: {Error}", flowId, runId, error);
            var masked = MaskedException.Guard(e);
            if (!ReferenceEquals(masked, e))
            {
                // Hangfire keeps and shows the exception: retell it masked (the run is retried all the same).
                throw masked;
            }

            throw;
        }
        finally
        {
            metrics.RunFinished(flowId, outcome, timeProvider.GetElapsedTime(started));
            if (outcome is not ("succeeded" or "paused" or MaintenanceStatus))
            {
                run?.SetStatus(ActivityStatusCode.Error, outcome);
            }

            // Whatever was committed gets delivered, also when the run stopped early.
            foreach (var destination in destinations)
            {
                deliveries.Enqueue(flowId, destination);
            }
        }
    }

    /// <summary>The source is in maintenance: nothing is read. The run is recorded as <c>maintenance</c> with why, so the
    /// run history shows the gap, and one run is scheduled for the window's end, which reads on from the checkpoint.</summary>
    private async Task<string> SkipForMaintenanceAsync(string flowId, string? jobId, string trigger, MaintenanceWindow window, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var why = Why(window);
        var runId = await runs.StartAsync(flowId, jobId, trigger, now, cancellationToken);
        await runs.FinishAsync(runId, MaintenanceStatus, why, now);
        var catchUp = runDispatcher.ScheduleOnce(flowId, ConnectorMaintenance.EndTrigger, window.To);
        logger.LogInformation("Flow {FlowId} run {RunId} ({Trigger}) does not read: {Why} (job {JobId})", flowId, runId, trigger, why, catchUp ?? "already scheduled");
        return MaintenanceStatus;
    }

    private string Why(MaintenanceWindow window) =>
        $"{window.ConnectorId} is in maintenance until {clock.Format(window.To)} ({clock.ZoneLabel}): {window.Reason}; the flow runs then";

    /// <summary>Records the flow's filter passes over are read and counted but never buffered: the checkpoint after
    /// them is committed all the same, so a flow that wants 2 % of its source still moves through all of it.
    /// What was read is committed while the source reads on: at most one commit is in flight and the next waits for it,
    /// so commits, and the checkpoint each carries, land in read order and a checkpoint never goes ahead of its records.</summary>
    /// <returns>The run's counts, and whether it stopped because the flow was paused.</returns>
    private async Task<(long Read, long Filtered, long Created, bool Paused)> ReadAsync(
        FlowDefinition flow, long runId, Activity? run, SourceCheckpoint? checkpoint, List<string> destinations, BackfillScope? backfill, CancellationToken cancellationToken)
    {
        var source = connectors.GetSource(flow.Source.ConnectorId);
        var filter = flows.Filter(flow.Id);
        var maxBuffered = Math.Max(1, hubOptions.Value.Delivery.MaxRecordsPerCommit);
        var holdBehindDeadLetter = flows.Options[flow.Id].HoldBehindDeadLetter;
        var buffer = new List<SourceRecord>();
        var reads = new List<Activity?>();
        var passedOver = 0;
        long read = 0, filtered = 0, created = 0, analyzeAt = 2_000;
        var lastCommit = timeProvider.GetTimestamp();
        var lastPauseCheck = lastCommit;
        var inFlight = Task.CompletedTask;

        async Task CommitAsync(List<SourceRecord> records, List<Activity?> spans, int passed, SourceCheckpoint? next)
        {
            var traces = new AppendTraces([.. spans.Select(HubTracing.TraceParentOf)]);
            var added = await messages.AppendAsync(flow.Id, runId, records, destinations, next, timeProvider.GetUtcNow(), cancellationToken,
                holdBehindDeadLetter, passed, traces, backfill: backfill is not null);
            EndReads(spans, traces);
            metrics.RecordsReadBy(flow.Id, records.Count + passed);
            metrics.MessagesCreated(flow.Id, added);
            metrics.DeadLetteredOnArrival(flow.Id, destinations, traces.DeadLettered);
            read += records.Count + passed;
            filtered += passed;
            created += added;
            if (created >= analyzeAt)
            {
                analyzeAt *= 10;
                await messages.AnalyzeAsync(cancellationToken);
            }

            if (added > 0)
            {
                foreach (var destination in destinations)
                {
                    if (hubOptions.Value.Delivery.JobPerMessage)
                    {
                        for (var i = 0; i < added; i++)
                        {
                            deliveries.Enqueue(flow.Id, destination);
                        }
                    }
                    else
                    {
                        deliveries.EnqueueThrottled(flow.Id, destination);
                    }
                }
            }
        }

        // Waits for the commit before, hands over what was read since, and (at most once per interval) asks whether
        // the flow was paused: then the run stops once this commit is in, so what was read before the pause is kept.
        async Task<bool> HandOverAsync(SourceCheckpoint? next, bool last = false)
        {
            await inFlight;
            lastCommit = timeProvider.GetTimestamp();
            inFlight = CommitAsync(buffer, reads, passedOver, next);
            buffer = [];
            reads = [];
            passedOver = 0;
            if (last || timeProvider.GetElapsedTime(lastPauseCheck) < ProgressInterval)
            {
                return false;
            }

            lastPauseCheck = timeProvider.GetTimestamp();
            // A maintenance window of the source that began meanwhile stops the run the same way (RunAsync tells which).
            if (!await pauses.RefusesRunAsync(flow.Id, countSkippedRun: false, cancellationToken) &&
                await maintenance.CurrentAsync(flow.Source.ConnectorId, cancellationToken) is null)
            {
                return false;
            }

            await inFlight;
            return true;
        }

        try
        {
            await foreach (var item in source.ReadAsync(flow.Source.Stream, checkpoint, cancellationToken).WithCancellation(cancellationToken))
            {
                var handedOver = false;
                switch (item)
                {
                    case SourceRecord record when !filter.Accepts(record.Payload):
                        passedOver++;
                        break;
                    case SourceRecord record:
                        buffer.Add(record);
                        reads.Add(tracing.StartMessageRead(flow.Id, run));
                        break;
                    case SourceCheckpoint next:
                        if (await HandOverAsync(next))
                        {
                            return (read, filtered, created, true);
                        }

                        if (backfill is not null && backfill.Reached(next))
                        {
                            await inFlight;
                            return (read, filtered, created, false);
                        }

                        handedOver = true;
                        break;
                }

                if (!handedOver && (buffer.Count >= maxBuffered || timeProvider.GetElapsedTime(lastCommit) >= ProgressInterval)
                    && await HandOverAsync(null))
                {
                    return (read, filtered, created, true);
                }
            }

            if (buffer.Count > 0 || passedOver > 0)
            {
                await HandOverAsync(null, last: true);
            }

            await inFlight;
        }
        catch
        {
            // The source failed (or was cancelled) with a commit in flight: that commit, of what was read before, lands
            // (or fails) before the run is marked; the first error is the one reported.
            await inFlight.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _ = inFlight.Exception;
            throw;
        }

        return (read, filtered, created, false);
    }

    /// <summary>A record that became a message ends its read span (its trace goes on in delivery); the read span of an
    /// unchanged record, which is no message, is dropped unended, so it is never exported.</summary>
    private static void EndReads(List<Activity?> reads, AppendTraces traces)
    {
        foreach (var activity in reads)
        {
            if (activity is not null && activity.Id is { } id && traces.Stored.Contains(id))
            {
                HubTracing.End(activity);
            }
        }
    }
}
