using System.Text.Json;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>Control of the sandbox's dossiers under <c>/sandbox/dossiers</c> (no API key, never faulted): generate in
/// bulk, advance one, read one with its progress, payments and evaluations, and counts.</summary>
internal static class IGateDossierControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IGateDossierSet dossiers)
    {
        var control = app.MapGroup("/sandbox/dossiers");

        control.MapPost("/generate", async (HttpContext context) =>
        {
            var request = await ReadAsync(context);
            var problems = Problems(request);
            if (problems.Count > 0)
            {
                return Results.BadRequest(new { problems });
            }

            var created = dossiers.Generate(request!.Dossiers!.Value, request.StatusChanges ?? 0);
            return Results.Json(new { created = created.Count, stats = dossiers.Stats() }, JsonSerializerOptions.Web);
        });

        control.MapPost("/{maHoSo}/advance", (string maHoSo) =>
        {
            try
            {
                var status = dossiers.Advance(maHoSo);
                return Results.Json(new { maHoSo, trangThai = status, version = (int?)dossiers.Snapshot(maHoSo)?["version"] }, JsonSerializerOptions.Web);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.NotFound(new { problems = new[] { ex.Message } });
            }
            catch (InvalidOperationException ex)
            {
                return Results.Conflict(new { problems = new[] { ex.Message } });
            }
        });

        control.MapGet("/stats", () => Results.Json(dossiers.Stats(), JsonSerializerOptions.Web));

        control.MapGet("/{maHoSo}", (string maHoSo) =>
        {
            return dossiers.View(maHoSo) is { } dossier
                ? Results.Content(dossier.ToJsonString(DossierJson.Options), "application/json; charset=utf-8")
                : Results.NotFound();
        });
    }

    private static List<string> Problems(GenerateRequest? request)
    {
        if (request?.Dossiers is not { } count)
        {
            return ["Body must be {\"dossiers\":n,\"statusChanges\":m} with n given."];
        }

        var problems = new List<string>();
        if (count is < 0 or > IGateDossierSet.MaxDossiersPerCall)
        {
            problems.Add($"dossiers must be between 0 and {IGateDossierSet.MaxDossiersPerCall}.");
        }

        if (request.StatusChanges is < 0 or > IGateDossierSet.MaxStatusChangesPerDossier)
        {
            problems.Add($"statusChanges must be between 0 and {IGateDossierSet.MaxStatusChangesPerDossier}.");
        }

        return problems;
    }

    private static async Task<GenerateRequest?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<GenerateRequest>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
