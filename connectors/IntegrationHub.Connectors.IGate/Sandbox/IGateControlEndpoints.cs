using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>The catalogue's controls under /sandbox (never faulted, no API key: it listens on loopback only): a stored
/// procedure, and the codes rejected. Stats and faults are the sandbox base's.</summary>
internal static class IGateControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IGateCatalogue catalogue)
    {
        var control = app.MapGroup("/sandbox");

        control.MapGet("/procedures/{code}", (string code) =>
            catalogue.Find(code) is { } procedure ? Results.Content(procedure.ToJsonString(), "application/json") : Results.NotFound());

        control.MapPut("/reject-codes", async (HttpContext context) =>
        {
            var codes = await ReadAsync<string[]>(context);
            if (codes is null)
            {
                return Results.BadRequest(new { problems = new[] { "body must be a JSON array of MaTTHC codes" } });
            }

            catalogue.SetRejectCodes(codes);
            return Results.NoContent();
        });
    }

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
