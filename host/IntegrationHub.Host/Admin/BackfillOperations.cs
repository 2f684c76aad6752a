using Hangfire;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>Checks a backfill request and queues it: its run row and operator action in one transaction, then its job.
/// A backfill re-reads the flow's source from the start it is given without moving the flow's checkpoint; record
/// versions keep an unchanged record from becoming a second message.</summary>
public sealed class BackfillOperations(
    FlowCatalog flows,
    ConnectorCatalog connectors,
    FlowPauseStore pauses,
    BackfillStore backfills,
    IBackgroundJobClient jobs,
    JobStorage jobStorage,
    TimeProvider timeProvider,
    ILogger<BackfillOperations> logger)
{
    /// <summary>Checkpoints are a cursor or a page token, not documents.</summary>
    public const int MaxCheckpointLength = 4000;

    /// <summary>A queued backfill with no job after this long never got one (queueing takes milliseconds).</summary>
    private static readonly TimeSpan UnqueuedAfter = TimeSpan.FromMinutes(1);

    /// <summary>Every 400 code of <see cref="QueueAsync"/>.</summary>
    public static readonly IReadOnlyList<string> RefusalCodes =
        [.. FlowPauseOperations.RefusalCodes, "backfill_start_required", "backfill_start_ambiguous", "invalid_checkpoint", "from_in_future", "invalid_time_range", "source_not_time_ordered", "backfill_before_history"];

    public async Task<BackfillOutcome> QueueAsync(string flowId, string operatorName, BackfillRequest request, CancellationToken cancellationToken)
    {
        if (FlowPauseOperations.Refusal(request.Reason) is { } noReason)
        {
            return Refused(StatusCodes.Status400BadRequest, noReason.Code, "Request refused", noReason.Message);
        }

        if (flows.Find(flowId) is not { } flow)
        {
            return Refused(StatusCodes.Status404NotFound, "unknown_flow", "Unknown flow", $"No enabled flow '{flowId}' is configured.");
        }

        if (FlowCatalog.IsInbound(flow))
        {
            return Refused(StatusCodes.Status409Conflict, "flow_is_inbound", "Flow is inbound", $"Flow '{flowId}' delivers messages pushed to the hub; it has no source to read again.");
        }

        var source = connectors.GetSource(flow.Source.ConnectorId);
        var stream = flow.Source.Stream;
        var timed = source as ITimeOrderedSource;
        if (StartRefusal(request, flow, timed) is { Refusal: { } badStart })
        {
            return new BackfillOutcome(null, null, badStart);
        }

        var from = request.Checkpoint is { } given ? new SourceCheckpoint(given) : timed!.CheckpointAt(stream, request.From!.Value);
        if (request.To is { } to && request.Checkpoint is not null && timed!.TimeOf(stream, from) >= to)
        {
            return Refused(StatusCodes.Status400BadRequest, "invalid_time_range", "Request refused", $"'to' ({to:O}) must be after the time the checkpoint stands at.");
        }

        // Records read before retention dropped their month are no messages any more, so a re-read could not tell them
        // from new ones and would send them again (a checkpoint of a source that cannot say its time is taken as given).
        if ((request.From ?? timed?.TimeOf(stream, from)) is { } startsAt && await backfills.HistoryDroppedUntilAsync(cancellationToken) is { } kept && startsAt < kept)
        {
            return Refused(StatusCodes.Status400BadRequest, "backfill_before_history", "Request refused",
                $"The hub's history before {kept:O} was archived and dropped (Hub:Retention), so records read then would be sent again; start at or after it.");
        }

        if (await pauses.RefusesRunAsync(flowId, countSkippedRun: false, cancellationToken))
        {
            return Refused(StatusCodes.Status409Conflict, "flow_paused", "Flow is paused", $"Flow '{flowId}' is paused: resume it before a backfill (POST /api/flows/{flowId}/resume).");
        }

        var reason = request.Reason!.Trim();
        var selection = new { checkpoint = from.State, from = request.From, to = request.To };
        var (runId, existing) = await backfills.QueueAsync(flowId, operatorName, reason, from.State, request.To, selection, timeProvider.GetUtcNow(), cancellationToken);
        if (runId is null && existing is { Status: "queued" or BackfillStore.WaitingStatus } stale && StaleReason(stale.JobId, stale.QueuedAt) is { } why)
        {
            // Its job ended without claiming it (it failed before, or was deleted in Hangfire's dashboard), or was never
            // queued (the database went away, or the host died, between the row and its job): it never will run.
            await backfills.GiveUpAsync(stale.Id, "failed", why, timeProvider.GetUtcNow());
            (runId, existing) = await backfills.QueueAsync(flowId, operatorName, reason, from.State, request.To, selection, timeProvider.GetUtcNow(), cancellationToken);
        }

        if (runId is not { } queued)
        {
            return new BackfillOutcome(null, null, new BackfillRefusal(StatusCodes.Status409Conflict, "backfill_running", "Backfill already queued or running",
                $"Flow '{flowId}' has a backfill {existing?.Status ?? "queued"} (run {existing?.Id}); a flow has one at a time.", existing?.Id));
        }

        string jobId;
        try
        {
            jobId = jobs.Enqueue<BackfillJob>(job => job.RunAsync(flowId, queued, null, CancellationToken.None));
        }
        catch
        {
            await backfills.GiveUpAsync(queued, "failed", "Its job could not be queued.", timeProvider.GetUtcNow());
            throw;
        }

        await backfills.SetJobAsync(queued, jobId, cancellationToken);
        logger.LogInformation("Flow {FlowId} backfill {RunId} (job {JobId}) queued by {Operator} from {From} to {To}: {Reason}",
            flowId, queued, jobId, operatorName, from.State, request.To?.ToString("O") ?? "the end", reason);
        return new BackfillOutcome(queued, jobId, null);
    }

    /// <returns>Why a queued backfill will never run, or null while it still may: its job ended without it, or it has
    /// had no job for longer than queueing one takes.</returns>
    private string? StaleReason(string? jobId, DateTimeOffset queuedAt) => jobId switch
    {
        { } job when JobEnded(job) => $"Its job {job} ended without running it.",
        null when timeProvider.GetUtcNow() - queuedAt > UnqueuedAfter => "Its job was never queued (the database or the host failed right after the request).",
        _ => null,
    };

    /// <returns>A refusal of the start and end asked for, or nothing.</returns>
    private BackfillOutcome? StartRefusal(BackfillRequest request, FlowDefinition flow, ITimeOrderedSource? timed)
    {
        var now = timeProvider.GetUtcNow();
        if (request.Checkpoint is null && request.From is null)
        {
            return Refused(StatusCodes.Status400BadRequest, "backfill_start_required", "Request refused", "Give where to start: 'checkpoint' (the connector's checkpoint) or 'from' (a time).");
        }

        if (request.Checkpoint is not null && request.From is not null)
        {
            return Refused(StatusCodes.Status400BadRequest, "backfill_start_ambiguous", "Request refused", "Give 'checkpoint' or 'from', not both.");
        }

        if (request.From is { } from && from > now)
        {
            return Refused(StatusCodes.Status400BadRequest, "from_in_future", "Request refused", $"'from' ({from:O}) is in the future: there is nothing to read again yet.");
        }

        if (request.From is { } start && request.To is { } end && end <= start)
        {
            return Refused(StatusCodes.Status400BadRequest, "invalid_time_range", "Request refused", $"'to' ({end:O}) must be after 'from' ({start:O}).");
        }

        if ((request.From is not null || request.To is not null) && timed is null)
        {
            return Refused(StatusCodes.Status400BadRequest, "source_not_time_ordered", "Request refused",
                $"The source of flow '{flow.Id}' ({flow.Source}) cannot tell the checkpoint at a time: give a 'checkpoint' and no 'to'.");
        }

        if (request.Checkpoint is { } checkpoint)
        {
            if (string.IsNullOrWhiteSpace(checkpoint) || checkpoint.Length > MaxCheckpointLength)
            {
                return Refused(StatusCodes.Status400BadRequest, "invalid_checkpoint", "Request refused", $"'checkpoint' is the connector's checkpoint text, 1 to {MaxCheckpointLength} characters.");
            }

            // A time-ordered source reads its checkpoints; any other source's connector checks its own when the run reads.
            try
            {
                _ = timed?.TimeOf(flow.Source.Stream, new SourceCheckpoint(checkpoint));
            }
            catch (ConnectorException e)
            {
                return Refused(StatusCodes.Status400BadRequest, "invalid_checkpoint", "Request refused", e.Failure.Message);
            }
        }

        return null;
    }

    private bool JobEnded(string jobId)
    {
        using var connection = jobStorage.GetConnection();
        var state = connection.GetJobData(jobId)?.State;
        return state is null || state == Hangfire.States.SucceededState.StateName || state == Hangfire.States.FailedState.StateName || state == Hangfire.States.DeletedState.StateName;
    }

    private static BackfillOutcome Refused(int status, string code, string title, string message) =>
        new(null, null, new BackfillRefusal(status, code, title, message));
}
