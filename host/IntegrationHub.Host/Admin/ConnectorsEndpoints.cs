using IntegrationHub.Contracts;
using IntegrationHub.Host.Connectivity;
using IntegrationHub.Host.Maintenance;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/connectors</c> (spec, streams, flows, latest connectivity check), <c>GET /api/connectors/{id}</c>
/// and <c>POST /api/connectors/{id}/check</c> (a connectivity check now, recorded with the officer who asked).</summary>
public static class ConnectorsEndpoints
{
    public static IEndpointRouteBuilder MapConnectorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/connectors").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Connectors");
        group.MapGet("/", async (ConnectorSummaries summaries, CancellationToken ct) => Results.Ok(await summaries.AllAsync(ct)))
            .WithName("listConnectors").WithSummary("Every connector: spec, streams, flows and its latest connectivity check")
            .Produces<IReadOnlyList<ConnectorSummary>>();
        group.MapGet("/{connectorId}", async (string connectorId, ConnectorSummaries summaries, CancellationToken ct) =>
            await summaries.FindAsync(connectorId, ct) is { } summary ? Results.Ok(summary) : UnknownConnector(connectorId))
            .WithName("getConnector").WithSummary("One connector")
            .Produces<ConnectorSummary>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_connector");
        group.MapPost("/{connectorId}/check", CheckAsync).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>()
            .WithName("checkConnector").WithSummary("A connectivity check of a connector now, recorded with the officer who asked")
            .Produces<ConnectivityCheck>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_connector")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "connector_in_maintenance");
        return app;
    }

    private static async Task<IResult> CheckAsync(
        string connectorId, HttpContext context, ConnectorCatalog connectors, ConnectivityChecker checker, ConnectorMaintenance maintenance, CancellationToken cancellationToken)
    {
        if (!connectors.IsRegistered(connectorId))
        {
            return UnknownConnector(connectorId);
        }

        // Nothing is sent to a counterparty in maintenance, a check neither.
        if (await maintenance.CurrentAsync(connectorId, cancellationToken) is { } window)
        {
            return AdminJsonBody.Problem(StatusCodes.Status409Conflict, "connector_in_maintenance", "Connector in maintenance",
                $"Connector '{connectorId}' is in maintenance until {window.To:O} ({window.Reason}): it is not called until then.");
        }

        return Results.Ok(await checker.CheckAsync(connectorId, ConnectivityChecker.OperatorTrigger, OperatorName.Of(context), cancellationToken));
    }

    private static IResult UnknownConnector(string connectorId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Unknown connector",
        detail: $"No connector '{connectorId}' is registered.",
        extensions: new Dictionary<string, object?> { ["code"] = "unknown_connector" });
}
