using System.Text.Json;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>The part of iGate's API the connector uses: ping, the batch upsert of procedures and the change feeds of
/// dossiers and progress (<see cref="IGateChangesEndpoints"/>).
/// No public iGate specification exists; this shape is the hub's choice and is what the connector speaks.</summary>
internal static class IGateApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IGateCatalogue catalogue, DossierStore dossiers, string apiKey)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(new IGateApiKeyFilter(apiKey));

        api.MapGet("/ping", () => Results.Json(new { status = "ok", system = "igate-sandbox" }, JsonSerializerOptions.Web));

        api.MapPost("/procedures/batch", async (HttpContext context) =>
        {
            var (items, problem) = await IGateBatchRequestReader.ReadAsync(context.Request.Body, context.RequestAborted);
            if (items is null)
            {
                return Results.Json(new IGateErrorReply("IGATE-400", problem), JsonSerializerOptions.Web, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(new IGateBatchReply(catalogue.Apply(items)), JsonSerializerOptions.Web);
        });

        IGateChangesEndpoints.Map(api, dossiers);
    }
}
