using System.Text.Json;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.ECopies;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>The part of iGate's API the connector uses: ping, the batch writes of procedures, fee payments and
/// evaluations, and the change feeds of dossiers and progress (<see cref="IGateChangesEndpoints"/>).
/// No public iGate specification exists; this shape is the hub's choice and is what the connector speaks.</summary>
internal static class IGateApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IGateCatalogue catalogue, IGateDossierSet dossiers, ECopyShelf eCopies, string apiKey)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(new SandboxAuthFilter(
            HttpAuth.ApiKey(IGateUrls.ApiKeyHeader, apiKey),
            () => Results.Json(new IGateErrorReply("IGATE-401", "Khóa API (X-Api-Key) không hợp lệ hoặc bị thiếu."), JsonSerializerOptions.Web, statusCode: StatusCodes.Status401Unauthorized)));

        api.MapGet("/ping", () => Results.Json(new { status = "ok", system = "igate-sandbox" }, JsonSerializerOptions.Web));

        MapBatch(api, "/procedures/batch", "procedure", catalogue.Apply);
        MapBatch(api, "/payments/batch", "payment", dossiers.PaymentLedger.Apply);
        MapBatch(api, "/evaluations/batch", "evaluation", dossiers.EvaluationBook.Apply);
        MapBatch(api, "/citizen-checks/batch", "citizenCheck", dossiers.CitizenCheckBook.Apply);
        IGateECopyEndpoints.Map(api, eCopies);
        MapBatch(api, "/delivery-status/batch", "deliveryStatus", dossiers.DeliveryStatusBook.Apply);

        IGateChangesEndpoints.Map(api, dossiers.Store);
    }

    /// <summary>Every batch speaks <c>{"items":[{"idempotencyKey","&lt;subject&gt;":{...}}]}</c> → <c>{"results":[...]}</c>.</summary>
    private static void MapBatch(
        RouteGroupBuilder api, string path, string subject, Func<IReadOnlyList<IGateIncomingItem>, IReadOnlyList<IGateItemResult>> apply) =>
        api.MapPost(path, async (HttpContext context) =>
        {
            var (items, problem) = await IGateBatchRequestReader.ReadAsync(context.Request.Body, subject, context.RequestAborted);
            if (items is null)
            {
                return Results.Json(new IGateErrorReply("IGATE-400", problem), JsonSerializerOptions.Web, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(new IGateBatchReply(apply(items)), JsonSerializerOptions.Web);
        });
}
