using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin.Responses;
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
        var group = app.MapGroup("/api/flows").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Flows");
        group.MapGet("/", ListAsync)
            .WithName("listFlows").WithSummary("Every flow: state, schedule, next run, last run and counts")
            .Produces<IReadOnlyList<FlowSummary>>();
        group.MapGet("/{flowId}/runs", RunsAsync)
            .WithName("listFlowRuns").WithSummary("A flow's runs, newest first")
            .Produces<IReadOnlyList<FlowRunView>>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "invalid_limit")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_flow");
        group.MapPost("/{flowId}/run", RunAsync).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>()
            .WithName("runFlow").WithSummary("Start a run of a scheduled flow now")
            .Produces<FlowRunAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_flow")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "flow_running", "flow_is_inbound", "flow_paused");
        PauseOrResume(group.MapPost("/{flowId}/pause", (string flowId, FlowPauseOperations operations, HttpContext context, CancellationToken cancellationToken) =>
                PauseOrResumeAsync(flowId, pause: true, operations, context, cancellationToken)), "flow_already_paused")
            .WithName("pauseFlow").WithSummary("Pause a flow, with a reason: it starts no run and delivers nothing until resumed")
            .Produces<FlowPauseResponse>();
        PauseOrResume(group.MapPost("/{flowId}/resume", (string flowId, FlowPauseOperations operations, HttpContext context, CancellationToken cancellationToken) =>
                PauseOrResumeAsync(flowId, pause: false, operations, context, cancellationToken)), "flow_not_paused")
            .WithName("resumeFlow").WithSummary("Resume a paused flow, with a reason: held deliveries go out, a stopped run picks up from its checkpoint")
            .Produces<FlowResumeResponse>();
        return app;
    }

    private static RouteHandlerBuilder PauseOrResume(RouteHandlerBuilder endpoint, string conflict) => endpoint
        .RequireAuthorization(HubPolicies.Operator)
        .AddEndpointFilter<CrossSiteRequestFilter>()
        .ReadsJsonBody<FlowPauseRequest>()
        .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. AdminJsonBody.BodyCodes, .. FlowPauseOperations.RefusalCodes])
        .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_flow")
        .ProducesProblemCodes(StatusCodes.Status409Conflict, conflict)
        .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
        .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");

    private static async Task<IResult> ListAsync(FlowStatusReader statuses, FlowCatalog flows, CancellationToken cancellationToken)
    {
        var list = new List<FlowSummary>();
        foreach (var status in await statuses.ReadAllAsync(cancellationToken))
        {
            var (flow, lastRun, counts) = (status.Flow, status.LastRun, status.Counts);
            var lastRunSummary = lastRun is null ? null : new FlowLastRun(
                lastRun.Id, lastRun.JobId, lastRun.Trigger, lastRun.StartedAt, lastRun.EndedAt, lastRun.Status,
                lastRun.RecordsRead, lastRun.RecordsFiltered, lastRun.MessagesCreated, lastRun.Error);
            list.Add(new FlowSummary(
                flow.Id,
                flow.Source.ToString(),
                [.. flow.Destinations.Select(d => d.ToString())],
                FlowCatalog.IsInbound(flow) ? "inbound" : "schedule",
                status.State,
                status.Pause is { } pause ? FlowPauseView.Of(pause) : null,
                new FlowScheduleSummary(flow.Schedule, flow.TimeZone, status.NextRunAt, flow.RunOnStart, flows.CalendarOf(flow.Id), flows.MisfireOf(flow.Id)),
                lastRunSummary,
                counts));
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

    private static async Task<IResult> RunAsync(string flowId, FlowRunDispatcher dispatcher, HttpContext context, CancellationToken cancellationToken)
    {
        // The run's trigger names the officer who asked for it.
        var request = await dispatcher.RequestRunAsync(flowId, FlowRunDispatcher.OfficerTrigger(OperatorName.Of(context)), cancellationToken);
        return request.Status switch
        {
            FlowRunRequestStatus.Enqueued => Results.Accepted($"/hangfire/jobs/details/{request.JobId}", new FlowRunAccepted(flowId, request.JobId)),
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
