using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using System.Diagnostics;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Execution;

/// <summary>Reads a flow's source from its last checkpoint and makes the records durable as messages, committing
/// each checkpoint with the records before it. Delivery runs beside it as its own jobs.</summary>
public sealed class FlowRunner(
    FlowCatalog flows,
    ConnectorCatalog connectors,
    NpgsqlDataSource dataSource,
    MessageStore messages,
    FlowRunStore runs,
    DeliveryDispatcher deliveries,
    HubTracing tracing,
    HubMetrics metrics,
    IOptions<HubOptions> hubOptions,
    TimeProvider timeProvider,
    ILogger<FlowRunner> logger)
{
    public static string RunLockName(string flowId) => $"flow-run:{flowId}";

    /// <returns>The final status of the run: succeeded, or skipped when another run holds the flow.</returns>
    public async Task<string> RunAsync(string flowId, string? jobId, string trigger, CancellationToken cancellationToken)
    {
        var flow = flows.Find(flowId) ?? throw new NonRetryableJobException($"Flow '{flowId}' is not configured or is disabled.");
        await using var runLock = await FlowLock.TryAcquireAsync(dataSource, RunLockName(flowId), cancellationToken);
        if (runLock is null)
        {
            logger.LogDebug("Flow {FlowId} is already running; this {Trigger} run is skipped", flowId, trigger);
            return "skipped";
        }

        await runs.AbandonRunningAsync(flowId, timeProvider.GetUtcNow(), cancellationToken);
        var runId = await runs.StartAsync(flowId, jobId, trigger, timeProvider.GetUtcNow(), cancellationToken);
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
            var checkpoint = await messages.LoadCheckpointAsync(flowId, cancellationToken);
            logger.LogDebug("Flow {FlowId} run {RunId} ({Trigger}) reads {Source} from checkpoint {Checkpoint}", flowId, runId, trigger, flow.Source, checkpoint?.State ?? "(start)");
            var (read, filtered, created) = await ReadAsync(flow, runId, run, checkpoint, destinations, cancellationToken);
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
            if (outcome != "succeeded")
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

    /// <summary>Records the flow's filter passes over are read and counted but never buffered: the checkpoint after
    /// them is committed all the same, so a flow that wants 2 % of its source still moves through all of it.</summary>
    private async Task<(long Read, long Filtered, long Created)> ReadAsync(
        FlowDefinition flow, long runId, Activity? run, SourceCheckpoint? checkpoint, List<string> destinations, CancellationToken cancellationToken)
    {
        var source = connectors.GetSource(flow.Source.ConnectorId);
        var filter = flows.Filter(flow.Id);
        var maxBuffered = Math.Max(1, hubOptions.Value.Delivery.MaxRecordsPerCommit);
        var buffer = new List<SourceRecord>();
        var reads = new List<Activity?>();
        var passedOver = 0;
        long read = 0, filtered = 0, created = 0, analyzeAt = 2_000;

        async Task CommitAsync(SourceCheckpoint? next)
        {
            var traces = new AppendTraces([.. reads.Select(HubTracing.TraceParentOf)]);
            var added = await messages.AppendAsync(flow.Id, runId, buffer, destinations, next, timeProvider.GetUtcNow(), cancellationToken,
                flows.Options[flow.Id].HoldBehindDeadLetter, passedOver, traces);
            EndReads(reads, traces);
            metrics.RecordsReadBy(flow.Id, buffer.Count + passedOver);
            metrics.MessagesCreated(flow.Id, added);
            metrics.DeadLetteredOnArrival(flow.Id, destinations, traces.DeadLettered);
            read += buffer.Count + passedOver;
            filtered += passedOver;
            created += added;
            buffer.Clear();
            reads.Clear();
            passedOver = 0;
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

        await foreach (var item in source.ReadAsync(flow.Source.Stream, checkpoint, cancellationToken).WithCancellation(cancellationToken))
        {
            switch (item)
            {
                case SourceRecord record when !filter.Accepts(record.Payload):
                    passedOver++;
                    break;
                case SourceRecord record:
                    buffer.Add(record);
                    reads.Add(tracing.StartMessageRead(flow.Id, run));
                    if (buffer.Count >= maxBuffered)
                    {
                        await CommitAsync(null);
                    }

                    break;
                case SourceCheckpoint next:
                    await CommitAsync(next);
                    break;
            }
        }

        if (buffer.Count > 0 || passedOver > 0)
        {
            await CommitAsync(null);
        }

        return (read, filtered, created);
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
