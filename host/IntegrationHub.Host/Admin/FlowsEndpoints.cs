using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/flows</c> (each flow, its state, schedule, last run and counts), <c>GET /api/flows/{id}/runs</c>,
/// <c>POST /api/flows/{id}/run</c>, <c>/pause</c> and <c>/resume</c>.</summary>
public static class FlowsEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxRuns = 500;
    private const string PauseShape = "{\"reason\": \"...\"}";

    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flows").RequireAuthorization(AdminAccessRequirement.PolicyName);
        group.MapGet("/", ListAsync);
        group.MapGet("/{flowId}/runs", RunsAsync);
        group.MapPost("/{flowId}/run", RunAsync).AddEndpointFilter<CrossSiteRequestFilter>();
        group.MapPost("/{flowId}/pause", (string flowId, FlowPauseOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            PauseOrResumeAsync(flowId, pause: true, operations, context, cancellationToken)).AddEndpointFilter<CrossSiteRequestFilter>();
        group.MapPost("/{flowId}/resume", (string flowId, FlowPauseOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            PauseOrResumeAsync(flowId, pause: false, operations, context, cancellationToken)).AddEndpointFilter<CrossSiteRequestFilter>();
        return app;
    }

    private static async Task<IResult> ListAsync(FlowStatusReader statuses, CancellationToken cancellationToken)
    {
        var list = new List<object>();
        foreach (var status in await statuses.ReadAllAsync(cancellationToken))
        {
            var (flow, lastRun, counts) = (status.Flow, status.LastRun, status.Counts);
            list.Add(new
            {
                id = flow.Id,
                source = flow.Source.ToString(),
                destinations = flow.Destinations.Select(d => d.ToString()),
                trigger = FlowCatalog.IsInbound(flow) ? "inbound" : "schedule",
                state = status.State,
                pause = status.Pause is { } pause ? FlowPauseView.Of(pause) : null,
                schedule = new { cron = flow.Schedule, timeZone = flow.TimeZone, nextRunAt = status.NextRunAt, runOnStart = flow.RunOnStart },
                lastRun = lastRun is null ? null : new
                {
                    id = lastRun.Id,
                    jobId = lastRun.JobId,
                    trigger = lastRun.Trigger,
                    start = lastRun.StartedAt,
                    end = lastRun.EndedAt,
                    status = lastRun.Status,
                    recordsRead = lastRun.RecordsRead,
                    recordsFiltered = lastRun.RecordsFiltered,
                    messagesCreated = lastRun.MessagesCreated,
                    error = lastRun.Error,
                },
                counts = new
                {
                    received = counts.Received,
                    delivered = counts.Delivered,
                    skipped = counts.Skipped,
                    failed = counts.Failed,
                    deadLettered = counts.DeadLettered,
                    pending = counts.Pending,
                    waiting = counts.Waiting,
                },
            });
        }

        return Results.Ok(list);
    }

    private static async Task<IResult> RunsAsync(string flowId, int? limit, FlowCatalog flows, FlowRunStore runs, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxRuns)
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, "invalid_limit", "Invalid limit", $"'limit' is 1 to {MaxRuns}.");
        }

        // Disabled flows keep their history.
        if (!flows.Options.ContainsKey(flowId))
        {
            return UnknownFlow($"No flow '{flowId}' is configured.");
        }

        var now = timeProvider.GetUtcNow();
        var history = await runs.HistoryAsync(flowId, limit ?? 20, cancellationToken);
        return Results.Ok(history.Select(r => FlowRunView.Of(r, now)).ToList());
    }

    private static async Task<IResult> PauseOrResumeAsync(string flowId, bool pause, FlowPauseOperations operations, HttpContext context, CancellationToken cancellationToken)
    {
        // No body at all is a missing reason, not a wrong media type.
        string? reason = null;
        if (context.Request.ContentLength is not 0 || !string.IsNullOrEmpty(context.Request.ContentType))
        {
            var (request, invalid) = await AdminJsonBody.ReadAsync<FlowPauseRequest>(context, MaxBodyBytes, PauseShape, cancellationToken);
            if (invalid is not null)
            {
                return invalid;
            }

            reason = request?.Reason;
        }

        if (FlowPauseOperations.Refusal(reason) is { } refusal)
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, refusal.Code, "Request refused", refusal.Message);
        }

        var operatorName = OperatorName.Of(context);
        var result = pause
            ? await operations.PauseAsync(flowId, operatorName, reason!, cancellationToken)
            : await operations.ResumeAsync(flowId, operatorName, reason!, cancellationToken);
        return result.Outcome switch
        {
            FlowPauseOutcome.Paused => Results.Ok(new FlowPauseResponse(flowId, FlowState.Paused, FlowPauseView.Of(result.Pause!), result.Pause!.ActionId)),
            FlowPauseOutcome.Resumed => Results.Ok(new FlowResumeResponse(flowId, FlowState.Enabled, operatorName, reason!.Trim(), FlowPauseView.Of(result.Pause!),
                result.Run is { Status: FlowRunRequestStatus.Enqueued } run ? run.JobId : null)),
            FlowPauseOutcome.AlreadyPaused => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Flow already paused",
                detail: result.Pause is { } held ? $"Flow '{flowId}' was paused by {held.PausedBy} at {held.PausedAt:O}: {held.Reason}" : $"Flow '{flowId}' is paused.",
                extensions: new Dictionary<string, object?> { ["code"] = "flow_already_paused", ["pause"] = result.Pause is { } p ? FlowPauseView.Of(p) : null }),
            FlowPauseOutcome.NotPaused => AdminJsonBody.Problem(StatusCodes.Status409Conflict, "flow_not_paused", "Flow not paused", $"Flow '{flowId}' is not paused: there is nothing to resume."),
            _ => UnknownFlow($"No enabled flow '{flowId}' is configured."),
        };
    }

    private static IResult UnknownFlow(string detail) => AdminJsonBody.Problem(StatusCodes.Status404NotFound, "unknown_flow", "Unknown flow", detail);

    private static async Task<IResult> RunAsync(string flowId, FlowRunDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var request = await dispatcher.RequestRunAsync(flowId, FlowRunDispatcher.AdminTrigger, cancellationToken);
        return request.Status switch
        {
            FlowRunRequestStatus.Enqueued => Results.Accepted($"/hangfire/jobs/details/{request.JobId}", new { flowId, jobId = request.JobId }),
            FlowRunRequestStatus.AlreadyRunning => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Flow already running",
                detail: $"Flow '{flowId}' is running (job {request.JobId}); a flow never runs twice at once.",
                extensions: new Dictionary<string, object?> { ["code"] = "flow_running", ["jobId"] = request.JobId }),
            FlowRunRequestStatus.Inbound => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Flow is inbound",
                detail: $"Flow '{flowId}' delivers messages pushed to the hub as they arrive; it has no run to start.",
                extensions: new Dictionary<string, object?> { ["code"] = "flow_is_inbound" }),
            FlowRunRequestStatus.Paused => AdminJsonBody.Problem(StatusCodes.Status409Conflict, "flow_paused", "Flow is paused",
                $"Flow '{flowId}' is paused: it starts no run until it is resumed (POST /api/flows/{flowId}/resume)."),
            _ => UnknownFlow($"No enabled flow '{flowId}' is configured."),
        };
    }
}
