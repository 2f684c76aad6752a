using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/flows/activity?window=24h|7d</c> (every enabled flow) and <c>GET /api/flows/{id}/activity</c>:
/// received, delivered, failed attempts, dead letters and skips per UTC hour, from counters kept as messages move.</summary>
public static class FlowActivityEndpoints
{
    public const string InvalidWindowCode = "invalid_window";

    public static IEndpointRouteBuilder MapFlowActivityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flows").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Flows");
        group.MapGet("/activity", AllAsync)
            .WithName("listFlowsActivity").WithSummary("Every flow's received, delivered, failed attempts, dead letters and skips per UTC hour (24h or 7d)")
            .Produces<FlowActivity>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, InvalidWindowCode);
        group.MapGet("/{flowId}/activity", OneAsync)
            .WithName("getFlowActivity").WithSummary("A flow's received, delivered, failed attempts, dead letters and skips per UTC hour (24h or 7d)")
            .Produces<FlowActivity>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, InvalidWindowCode)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_flow");
        return app;
    }

    /// <param name="window"><c>24h</c> (when absent) or <c>7d</c>.</param>
    private static async Task<IResult> AllAsync(string? window, FlowCatalog flows, FlowActivityStore activity, CancellationToken cancellationToken) =>
        WindowOf(window) is { } span
            ? Results.Ok(await activity.ReadAsync(flows.Flows.Select(f => f.Id).ToList(), span, cancellationToken))
            : InvalidWindow(window);

    /// <param name="window"><c>24h</c> (when absent) or <c>7d</c>.</param>
    private static async Task<IResult> OneAsync(string flowId, string? window, FlowCatalog flows, FlowActivityStore activity, CancellationToken cancellationToken)
    {
        if (flows.Find(flowId) is null)
        {
            return AdminJsonBody.Problem(StatusCodes.Status404NotFound, "unknown_flow", "Unknown flow", $"No enabled flow '{flowId}' is configured.");
        }

        return WindowOf(window) is { } span ? Results.Ok(await activity.ReadAsync([flowId], span, cancellationToken)) : InvalidWindow(window);
    }

    private static FlowActivityWindow? WindowOf(string? window) => window is null ? FlowActivityWindow.Day : FlowActivityWindow.Find(window);

    private static IResult InvalidWindow(string? window) => AdminJsonBody.Problem(
        StatusCodes.Status400BadRequest, InvalidWindowCode, "Unknown window",
        $"window is one of {string.Join(", ", FlowActivityWindow.All.Select(w => w.Name))}, not '{window}'.");
}
