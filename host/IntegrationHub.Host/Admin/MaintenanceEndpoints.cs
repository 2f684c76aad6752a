using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin.Responses;
using IntegrationHub.Host.Maintenance;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/connectors/{id}/maintenance</c> (windows in force and to come), <c>POST</c> (a one-off window
/// with a reason) and <c>POST .../maintenance/{windowId}/end</c> (end one early, with a reason).</summary>
public static class MaintenanceEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private const string AddShape = "{\"from\": \"2026-12-05T22:00:00+07:00\", \"to\": \"2026-12-06T02:00:00+07:00\", \"reason\": \"...\"}";
    private const string EndShape = "{\"reason\": \"...\"}";

    public static IEndpointRouteBuilder MapMaintenanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/connectors").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Connectors");
        group.MapGet("/{connectorId}/maintenance", ListAsync)
            .WithName("listConnectorMaintenance").WithSummary("A connector's maintenance windows in force and to come (recurring and one-off)")
            .Produces<ConnectorMaintenanceList>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_connector");
        Write(group.MapPost("/{connectorId}/maintenance", AddAsync))
            .WithName("addConnectorMaintenance").WithSummary("A one-off maintenance window, with a reason: nothing is sent to or read from the counterparty during it")
            .Produces<MaintenanceWindow>(StatusCodes.Status201Created)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_connector");
        Write(group.MapPost("/{connectorId}/maintenance/{windowId:long}/end", EndAsync))
            .WithName("endConnectorMaintenance").WithSummary("End a one-off maintenance window early, with a reason: what waited for it goes now")
            .Produces<MaintenanceWindow>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_connector", "unknown_maintenance_window");
        return app;
    }

    private static RouteHandlerBuilder Write(RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(HubPolicies.Operator)
        .AddEndpointFilter<CrossSiteRequestFilter>()
        .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. AdminJsonBody.BodyCodes, .. MaintenanceOperations.RefusalCodes])
        .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
        .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");

    private static async Task<IResult> ListAsync(string connectorId, ConnectorCatalog connectors, ConnectorMaintenance maintenance, CancellationToken cancellationToken)
    {
        if (!connectors.IsRegistered(connectorId))
        {
            return AdminJsonBody.Problem(StatusCodes.Status404NotFound, "unknown_connector", "Unknown connector", $"No connector '{connectorId}' is registered.");
        }

        return Results.Ok(new ConnectorMaintenanceList(
            connectorId, await maintenance.CurrentAsync(connectorId, cancellationToken), await maintenance.UpcomingAsync(connectorId, cancellationToken)));
    }

    private static async Task<IResult> AddAsync(string connectorId, HttpContext context, MaintenanceOperations operations, CancellationToken cancellationToken)
    {
        var (request, invalid) = await AdminJsonBody.ReadAsync<MaintenanceWindowRequest>(context, MaxBodyBytes, AddShape, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var outcome = await operations.AddAsync(connectorId, request ?? new MaintenanceWindowRequest(), OperatorName.Of(context), cancellationToken);
        return outcome.Window is { } window
            ? Results.Created($"/api/connectors/{connectorId}/maintenance", window)
            : Refused(outcome);
    }

    private static async Task<IResult> EndAsync(string connectorId, long windowId, HttpContext context, MaintenanceOperations operations, CancellationToken cancellationToken)
    {
        // No body at all is a missing reason, not a wrong media type.
        string? reason = null;
        if (context.Request.ContentLength is not 0 || !string.IsNullOrEmpty(context.Request.ContentType))
        {
            var (request, invalid) = await AdminJsonBody.ReadAsync<FlowPauseRequest>(context, MaxBodyBytes, EndShape, cancellationToken);
            if (invalid is not null)
            {
                return invalid;
            }

            reason = request?.Reason;
        }

        var outcome = await operations.EndAsync(connectorId, windowId, reason, OperatorName.Of(context), cancellationToken);
        return outcome.Window is { } window ? Results.Ok(window) : Refused(outcome);
    }

    private static IResult Refused(MaintenanceOutcome outcome) => AdminJsonBody.Problem(
        outcome.Status, outcome.Code!, outcome.Status == StatusCodes.Status404NotFound ? "Not found" : "Request refused", outcome.Detail!);
}
