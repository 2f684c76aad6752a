using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>Test and demo controls (no API key, loopback only): officers send documents, process received ones,
/// recall sent ones; read what iDesk holds. Stats and faults are the sandbox base's.</summary>
internal static class IDeskControlEndpoints
{
    public static void Map(WebApplication app, IDeskOffice office, OutgoingFactory factory)
    {
        app.MapPost("/sandbox/outgoing", async (CreateOutgoingRequest? request, CancellationToken cancellationToken) =>
        {
            var documentId = await factory.CreateAsync(request ?? new CreateOutgoingRequest(), cancellationToken);
            return Results.Json(office.View(documentId), JsonSerializerOptions.Web);
        });
        app.MapPost("/sandbox/outgoing/recall", (string documentId) =>
            office.Recall(documentId) ? Results.Json(office.View(documentId), JsonSerializerOptions.Web) : Results.NotFound());
        app.MapPost("/sandbox/incoming/process", (string? documentId) =>
        {
            office.Process(documentId);
            return documentId is null ? Results.Json(office.Stats(), JsonSerializerOptions.Web) : Results.Json(office.View(documentId), JsonSerializerOptions.Web);
        });
        app.MapGet("/sandbox/documents", (string documentId) =>
            office.View(documentId) is { } view ? Results.Json(view, JsonSerializerOptions.Web) : Results.NotFound());
    }
}
