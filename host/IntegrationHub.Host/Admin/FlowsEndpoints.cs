using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin.Responses;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Storage;
using Quartz;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/flows</c> (each flow, its schedule, last run and counts) and <c>POST /api/flows/{id}/run</c>.</summary>
public static class FlowsEndpoints
{
    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flows").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Flows");
        group.MapGet("/", ListAsync)
            .WithName("listFlows").WithSummary("Every flow: schedule, next run, last run and counts")
            .Produces<IReadOnlyList<FlowSummary>>();
        group.MapPost("/{flowId}/run", RunAsync).AddEndpointFilter<CrossSiteRequestFilter>()
            .WithName("runFlow").WithSummary("Start a run of a scheduled flow now")
            .Produces<FlowRunAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_flow")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "flow_running", "flow_is_inbound");
        return app;
    }

    private static async Task<IResult> ListAsync(FlowCatalog flows, FlowRunStore runs, DeliveryStore deliveries, ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var list = new List<FlowSummary>();
        foreach (var flow in flows.Flows)
        {
            var lastRun = await runs.LastAsync(flow.Id, cancellationToken);
            var counts = await deliveries.CountsAsync(flow.Id, cancellationToken);
            var trigger = await scheduler.GetTrigger(new TriggerKey($"flow:{flow.Id}", Scheduling.FlowScheduler.Group), cancellationToken);
            var lastRunSummary = lastRun is null ? null : new FlowLastRun(
                lastRun.Id, lastRun.JobId, lastRun.Trigger, lastRun.StartedAt, lastRun.EndedAt, lastRun.Status,
                lastRun.RecordsRead, lastRun.RecordsFiltered, lastRun.MessagesCreated, lastRun.Error);
            list.Add(new FlowSummary(
                flow.Id,
                flow.Source.ToString(),
                [.. flow.Destinations.Select(d => d.ToString())],
                FlowCatalog.IsInbound(flow) ? "inbound" : "schedule",
                new FlowScheduleSummary(flow.Schedule, flow.TimeZone, trigger?.NextFireTimeUtc, flow.RunOnStart),
                lastRunSummary,
                counts));
        }

        return Results.Ok(list);
    }

    private static async Task<IResult> RunAsync(string flowId, FlowRunDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var request = await dispatcher.RequestRunAsync(flowId, "admin", cancellationToken);
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
            _ => Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Unknown flow",
                detail: $"No enabled flow '{flowId}' is configured.",
                extensions: new Dictionary<string, object?> { ["code"] = "unknown_flow" }),
        };
    }
}
