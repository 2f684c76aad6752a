using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary><c>GET</c> and <c>PUT /sandbox/faults</c>, the same for every sandbox: read or replace the live fault settings.</summary>
public static class SandboxFaultEndpoints
{
    public static IEndpointRouteBuilder MapSandboxFaults(this IEndpointRouteBuilder app, SandboxFaultInjector faults)
    {
        app.MapGet("/sandbox/faults", () => Results.Json(faults.Options, JsonSerializerOptions.Web));
        app.MapPut("/sandbox/faults", async (HttpContext context) =>
        {
            SandboxFaultOptions? replacement;
            try
            {
                replacement = await JsonSerializer.DeserializeAsync<SandboxFaultOptions>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
            }
            catch (JsonException exception)
            {
                return Results.BadRequest(new { problems = new[] { exception.Message } });
            }

            var problems = new List<ValidationResult>();
            if (replacement is null || !Validator.TryValidateObject(replacement, new ValidationContext(replacement), problems, validateAllProperties: true))
            {
                return Results.BadRequest(new { problems = problems.Select(p => p.ErrorMessage).DefaultIfEmpty("A SandboxFaultOptions JSON body is required.") });
            }

            faults.Options.CopyFrom(replacement);
            return Results.Json(faults.Options, JsonSerializerOptions.Web);
        });
        return app;
    }
}
