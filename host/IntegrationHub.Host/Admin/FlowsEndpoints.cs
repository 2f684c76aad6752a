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
        group.MapPost("/{flowId}/run", RunAsync).AddEndpointFilter<CrossSiteRequestFilter>();
        return app;
    }

    private static async Task<IResult> ListAsync(FlowCatalog flows, FlowRunStore runs, DeliveryStore deliveries, ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var list = new List<object>();
        // One query each for all flows' counts, last runs and triggers, not three per flow: the answer stays quick (issue 12, item 4).
        var configured = flows.Flows;
        var ids = configured.Select(f => f.Id).ToList();
        var allCounts = await deliveries.CountsAsync(ids, cancellationToken);
        var lastRuns = await runs.LastAsync(ids, cancellationToken);
        var triggers = (await scheduler.QueryTriggers(
                new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(Scheduling.FlowScheduler.Group), Take = PagedQuery.All }, cancellationToken))
            .Items.ToDictionary(t => t.Key.Name, StringComparer.Ordinal);
        foreach (var flow in configured)
        {
            var lastRun = lastRuns.GetValueOrDefault(flow.Id);
            var counts = allCounts[flow.Id];
            var trigger = triggers.GetValueOrDefault($"flow:{flow.Id}");
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

    private static async Task<IResult> RunAsync(string flowId, FlowRunDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var request = await dispatcher.RequestRunAsync(flowId, "admin", cancellationToken);
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
