using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>The test and demo control surface under <c>/sandbox</c> (never faulted): <c>GET /sandbox/stats</c> and
/// <c>PUT /sandbox/faults</c> with a <see cref="SandboxFaultOptions"/> body.</summary>
internal sealed class SandboxControlApi(SandboxFaultInjector faults, Func<NationalPortalSandboxStats> stats)
{
    public void Map(WebApplication app)
    {
        app.MapGet("/sandbox/stats", () => Results.Json(stats(), JsonSerializerOptions.Web));
        app.MapPut("/sandbox/faults", (Delegate)ReplaceFaultsAsync);
    }

    private async Task<IResult> ReplaceFaultsAsync(HttpContext context)
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

        if (replacement is null)
        {
            return Results.BadRequest(new { problems = new[] { "A SandboxFaultOptions JSON body is required." } });
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(replacement, new ValidationContext(replacement), problems, validateAllProperties: true))
        {
            return Results.BadRequest(new { problems = problems.Select(p => p.ErrorMessage) });
        }

        Apply(replacement, faults.Options);
        return Results.Json(faults.Options, JsonSerializerOptions.Web);
    }

    /// <summary>Copies onto the injector's own options object, which the fault middleware reads on every call.
    /// Seed is copied for the record but the injector's random stream was seeded at start.</summary>
    private static void Apply(SandboxFaultOptions source, SandboxFaultOptions target)
    {
        target.FailureRate = source.FailureRate;
        target.ServerErrorWeight = source.ServerErrorWeight;
        target.TooManyRequestsWeight = source.TooManyRequestsWeight;
        target.TimeoutWeight = source.TimeoutWeight;
        target.SlowWeight = source.SlowWeight;
        target.MalformedWeight = source.MalformedWeight;
        target.RetryAfterSeconds = source.RetryAfterSeconds;
        target.TimeoutDelay = source.TimeoutDelay;
        target.SlowDelay = source.SlowDelay;
        target.Latency = source.Latency;
        target.Seed = source.Seed;
    }
}
