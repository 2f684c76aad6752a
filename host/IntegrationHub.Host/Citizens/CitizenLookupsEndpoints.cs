using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Host.Admin;

namespace IntegrationHub.Host.Citizens;

/// <summary>Admin API of the population-database audit: <c>GET /api/citizen-lookups?dossier=</c> (ids masked),
/// <c>POST /api/citizen-lookups/{id}/reveal</c> with <c>{"reason"}</c> (the full id, the reveal itself audited) and
/// <c>GET /api/citizen-lookups/{id}/reveals</c>.</summary>
public static class CitizenLookupsEndpoints
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;
    private const int MaxBodyBytes = 4096;

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static IEndpointRouteBuilder MapCitizenLookupsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/citizen-lookups").RequireAuthorization(AdminAccessRequirement.PolicyName);
        group.MapGet("/", async (string? dossier, int? limit, CitizenLookupStore store, CancellationToken ct) =>
            Results.Ok(await store.RecentAsync(string.IsNullOrWhiteSpace(dossier) ? null : dossier.Trim(), Math.Clamp(limit ?? 100, 1, 1000), ct)));
        group.MapPost("/{id:long}/reveal", RevealAsync).AddEndpointFilter<CrossSiteRequestFilter>();
        group.MapGet("/{id:long}/reveals", async (long id, CitizenLookupStore store, CancellationToken ct) => Results.Ok(await store.RevealsAsync(id, ct)));
        return app;
    }

    private static async Task<IResult> RevealAsync(long id, HttpContext context, CitizenLookupStore store, TimeProvider clock, ILogger<CitizenLookupStore> logger, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "body_too_large", "Body too large", $"A reveal request is at most {MaxBodyBytes} bytes.");
        }

        RevealRequest? request;
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, cancellationToken);
            if (body.Length > MaxBodyBytes)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "body_too_large", "Body too large", $"A reveal request is at most {MaxBodyBytes} bytes.");
            }

            request = JsonSerializer.Deserialize<RevealRequest>(body.ToArray(), Strict);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "malformed_json", "Malformed request", $"Send {{\"reason\": \"...\"}} ({e.Message.Split('.')[0]}).");
        }

        var reason = request?.Reason?.Trim();
        if (reason is null || reason.Length < MinReasonLength || reason.Length > MaxReasonLength)
        {
            return Problem(StatusCodes.Status400BadRequest, "reason_required", "Reason required",
                $"Say why the full personal id is needed ({MinReasonLength} to {MaxReasonLength} characters); the reason is kept with the reveal.");
        }

        var user = context.User.Identity?.Name is { Length: > 0 } name ? $"admin:{name}" : "admin:(anonymous)";
        if (await store.RevealAsync(id, user, reason, clock.GetUtcNow(), cancellationToken) is not { } personalId)
        {
            return Problem(StatusCodes.Status404NotFound, "lookup_not_found", "No such lookup", $"There is no citizen lookup #{id}.");
        }

        logger.LogInformation("Personal id of citizen lookup {LookupId} revealed to {User}", id, user);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new { lookupId = id, personalId, revealedBy = user });
    }

    private static IResult Problem(int status, string code, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
