using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>Control surface of the dossier side (under <c>/sandbox</c>, never faulted): <c>GET /sandbox/dossiers/stats</c>,
/// <c>GET /sandbox/dossiers/{maHoSo}</c> (404 when unknown), <c>GET</c> and <c>PUT /sandbox/reject-rule</c>
/// with a <see cref="NationalPortalRejectRule"/> body (<c>{"rejectEveryNth": 100}</c>; 0 turns it off).</summary>
internal sealed class SandboxDossierControlApi(SandboxDossierStore store)
{
    public void Map(WebApplication app)
    {
        app.MapGet("/sandbox/dossiers/stats", () => Results.Json(store.Stats(), JsonSerializerOptions.Web));
        app.MapGet("/sandbox/dossiers/{maHoSo}", (string maHoSo) => store.View(maHoSo) is { } view
            ? Results.Json(view, JsonSerializerOptions.Web)
            : Results.Json(new { message = $"No dossier {maHoSo} in the sandbox." }, JsonSerializerOptions.Web, statusCode: StatusCodes.Status404NotFound));
        app.MapGet("/sandbox/reject-rule", () => Results.Json(CurrentRule(), JsonSerializerOptions.Web));
        app.MapPut("/sandbox/reject-rule", (Delegate)ReplaceRuleAsync);
    }

    private async Task<IResult> ReplaceRuleAsync(HttpContext context)
    {
        NationalPortalRejectRule? rule;
        try
        {
            rule = await JsonSerializer.DeserializeAsync<NationalPortalRejectRule>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new { problems = new[] { exception.Message } });
        }

        var problems = new List<ValidationResult>();
        if (rule is null || !Validator.TryValidateObject(rule, new ValidationContext(rule), problems, validateAllProperties: true))
        {
            return Results.BadRequest(new { problems = problems.Select(p => p.ErrorMessage).DefaultIfEmpty("A reject rule JSON body is required.") });
        }

        store.RejectEveryNth = rule.RejectEveryNth;
        return Results.Json(CurrentRule(), JsonSerializerOptions.Web);
    }

    private NationalPortalRejectRule CurrentRule() => new() { RejectEveryNth = store.RejectEveryNth };
}
