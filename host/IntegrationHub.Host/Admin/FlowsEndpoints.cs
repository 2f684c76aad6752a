using IntegrationHub.Contracts;
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
        var group = app.MapGroup("/api/flows").RequireAuthorization(AdminAccessRequirement.PolicyName);
        group.MapGet("/", ListAsync);
        group.MapPost("/{flowId}/run", RunAsync).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>();
        return app;
    }

    private static async Task<IResult> ListAsync(FlowCatalog flows, FlowRunStore runs, DeliveryStore deliveries, ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var list = new List<object>();
        foreach (var flow in flows.Flows)
        {
            var lastRun = await runs.LastAsync(flow.Id, cancellationToken);
            var counts = await deliveries.CountsAsync(flow.Id, cancellationToken);
            var trigger = await scheduler.GetTrigger(new TriggerKey($"flow:{flow.Id}", Scheduling.FlowScheduler.Group), cancellationToken);
            list.Add(new
            {
                id = flow.Id,
                source = flow.Source.ToString(),
                destinations = flow.Destinations.Select(d => d.ToString()),
                trigger = FlowCatalog.IsInbound(flow) ? "inbound" : "schedule",
                schedule = new { cron = flow.Schedule, timeZone = flow.TimeZone, nextRunAt = trigger?.NextFireTimeUtc, runOnStart = flow.RunOnStart },
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

    private static async Task<IResult> RunAsync(string flowId, FlowRunDispatcher dispatcher, HttpContext context, CancellationToken cancellationToken)
    {
        // The run's trigger names the officer who asked for it.
        var request = await dispatcher.RequestRunAsync(flowId, $"admin:{OperatorName.Of(context)}", cancellationToken);
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
            _ => Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Unknown flow",
                detail: $"No enabled flow '{flowId}' is configured.",
                extensions: new Dictionary<string, object?> { ["code"] = "unknown_flow" }),
        };
    }
}
