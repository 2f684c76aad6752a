using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin.Responses;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary><c>POST /api/flows/{id}/backfill</c> (re-read a flow's source from a checkpoint or a time, as its own run)
/// and <c>GET /api/flows/{id}/runs/{runId}</c> (one run, e.g. to follow a backfill's progress).</summary>
public static class BackfillEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private const string Shape = "{\"checkpoint\": \"...\" or \"from\": \"<ISO-8601 time>\", \"to\": \"<ISO-8601 time>\" (optional), \"reason\": \"...\"}";

    public static IEndpointRouteBuilder MapBackfillApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flows").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Flows");
        group.MapPost("/{flowId}/backfill", BackfillAsync).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>()
            .ReadsJsonBody<BackfillRequest>()
            .WithName("backfillFlow").WithSummary("Read a flow's source again from a checkpoint or a time, with a reason, as its own run; the flow's checkpoint does not move")
            .Produces<BackfillAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. AdminJsonBody.BodyCodes, .. BackfillOperations.RefusalCodes])
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_flow")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "backfill_running", "flow_is_inbound", "flow_paused")
            .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
            .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");
        group.MapGet("/{flowId}/runs/{runId:long}", RunAsync)
            .WithName("getFlowRun").WithSummary("One run of a flow: status, progress, and for a backfill its reason, start, end and position")
            .Produces<FlowRunView>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_flow", "unknown_run");
        return app;
    }

    public static string RunPath(string flowId, long runId) => $"/api/flows/{Uri.EscapeDataString(flowId)}/runs/{runId}";

    private static async Task<IResult> BackfillAsync(string flowId, BackfillOperations operations, HttpContext context, CancellationToken cancellationToken)
    {
        // No body at all is a missing reason (and start), not a wrong media type.
        var request = new BackfillRequest();
        if (context.Request.ContentLength is not 0 || !string.IsNullOrEmpty(context.Request.ContentType))
        {
            var (body, invalid) = await AdminJsonBody.ReadAsync<BackfillRequest>(context, MaxBodyBytes, Shape, cancellationToken);
            if (invalid is not null)
            {
                return invalid;
            }

            request = body ?? request;
        }

        var outcome = await operations.QueueAsync(flowId, OperatorName.Of(context), request, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            var extensions = new Dictionary<string, object?> { ["code"] = refusal.Code };
            if (refusal.RunId is { } running)
            {
                extensions["runId"] = running;
                extensions["run"] = RunPath(flowId, running);
            }

            return Results.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Message, extensions: extensions);
        }

        var path = RunPath(flowId, outcome.RunId!.Value);
        return Results.Accepted(path, new BackfillAccepted(flowId, outcome.RunId.Value, outcome.JobId, "queued", path));
    }

    private static async Task<IResult> RunAsync(string flowId, long runId, FlowCatalog flows, FlowRunStore runs, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!flows.Options.ContainsKey(flowId))
        {
            return AdminJsonBody.Problem(StatusCodes.Status404NotFound, "unknown_flow", "Unknown flow", $"No flow '{flowId}' is configured.");
        }

        return await runs.FindAsync(flowId, runId, cancellationToken) is { } run
            ? Results.Ok(FlowRunView.Of(run, timeProvider.GetUtcNow()))
            : AdminJsonBody.Problem(StatusCodes.Status404NotFound, "unknown_run", "Unknown run", $"Flow '{flowId}' has no run {runId}.");
    }
}
