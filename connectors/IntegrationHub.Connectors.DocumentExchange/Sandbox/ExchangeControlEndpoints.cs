using System.Text.Json;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>Test and demo controls (no API key, loopback only): plant received documents (also malformed ones), force
/// statuses, move simulated addressees on, and read what the platform holds. Stats and faults are the sandbox base's.</summary>
internal static class ExchangeControlEndpoints
{
    public static void Map(WebApplication app, ExchangePlatform platform, DocumentPlanter planter)
    {
        app.MapPost("/sandbox/received", async (PlantRequest? request, CancellationToken cancellationToken) =>
        {
            var documentId = await planter.PlantAsync(request ?? new PlantRequest(), cancellationToken);
            return Results.Json(platform.View(documentId), JsonSerializerOptions.Web);
        });
        app.MapPost("/sandbox/received/raw", async (HttpContext context, string documentId, string? from, string? to) =>
        {
            SandboxReplies.AllowLargeBody(context);
            await planter.PlantRawAsync(documentId, from, to, context.Request.Body, context.RequestAborted);
            return Results.Json(platform.View(documentId), JsonSerializerOptions.Web);
        });
        app.MapPost("/sandbox/statuses", (ForceStatusRequest request) =>
        {
            var outcome = planter.Force(request);
            return outcome.Refused ? SandboxReplies.Error(outcome.HttpStatus, outcome.Code!, outcome.Message!) : Results.Json(platform.View(request.DocumentId), JsonSerializerOptions.Web);
        });
        app.MapPost("/sandbox/documents/advance", (string? documentId) =>
        {
            platform.Advance(documentId);
            return documentId is null ? Results.Json(platform.Stats(), JsonSerializerOptions.Web) : Results.Json(platform.View(documentId), JsonSerializerOptions.Web);
        });
        app.MapGet("/sandbox/documents", (string documentId) =>
            platform.View(documentId) is { } view ? Results.Json(view, JsonSerializerOptions.Web) : Results.NotFound());
    }
}
