using IntegrationHub.Contracts;
using IntegrationHub.Host.Observability;

namespace IntegrationHub.Host.Admin;

/// <summary>Admin API of alerts: the latest 100, newest first.</summary>
public static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", async (AlertStore alerts, CancellationToken ct) => Results.Ok(await alerts.RecentAsync(100, ct)))
            .RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("Alerts").WithName("listAlerts").WithSummary("The latest 100 alerts, newest first")
            .Produces<IReadOnlyList<HubAlert>>();
        return app;
    }
}
