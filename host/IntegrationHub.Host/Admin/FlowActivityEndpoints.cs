using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/flows/activity?window=24h|7d</c> (every enabled flow) and <c>GET /api/flows/{id}/activity</c>:
/// received, delivered, failed attempts, dead letters and skips per UTC hour, from counters kept as messages move.</summary>
public static class FlowActivityEndpoints
{
    public const string InvalidWindowCode = "invalid_window";

    public static IEndpointRouteBuilder MapFlowActivityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flows").RequireAuthorization(AdminAccessRequirement.PolicyName);
        group.MapGet("/activity", AllAsync);
        group.MapGet("/{flowId}/activity", OneAsync);
        return app;
    }

    private static async Task<Results<Ok<FlowActivity>, ProblemHttpResult>> AllAsync(
        HttpRequest request, FlowCatalog flows, FlowActivityStore activity, CancellationToken cancellationToken)
    {
        if (WindowOf(request) is not { } window)
        {
            return InvalidWindow(request);
        }

        return TypedResults.Ok(await activity.ReadAsync(flows.Flows.Select(f => f.Id).ToList(), window, cancellationToken));
    }

    private static async Task<Results<Ok<FlowActivity>, ProblemHttpResult>> OneAsync(
        string flowId, HttpRequest request, FlowCatalog flows, FlowActivityStore activity, CancellationToken cancellationToken)
    {
        if (flows.Find(flowId) is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Unknown flow", detail: $"No enabled flow '{flowId}' is configured.",
                extensions: new Dictionary<string, object?> { ["code"] = "unknown_flow" });
        }

        if (WindowOf(request) is not { } window)
        {
            return InvalidWindow(request);
        }

        return TypedResults.Ok(await activity.ReadAsync([flowId], window, cancellationToken));
    }

    /// <summary>The window asked for; 24 hours when the query does not name one.</summary>
    private static FlowActivityWindow? WindowOf(HttpRequest request) =>
        request.Query.TryGetValue("window", out var values) ? FlowActivityWindow.Find(values.Count == 1 ? values[0] : null) : FlowActivityWindow.Day;

    private static ProblemHttpResult InvalidWindow(HttpRequest request) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Unknown window",
        detail: $"window is one of {string.Join(", ", FlowActivityWindow.All.Select(w => w.Name))}, not '{request.Query["window"]}'.",
        extensions: new Dictionary<string, object?> { ["code"] = InvalidWindowCode });
}
