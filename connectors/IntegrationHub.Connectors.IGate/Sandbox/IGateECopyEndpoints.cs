using System.Security.Cryptography;
using System.Text.Json;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Connectors.IGate.Sandbox.ECopies;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary><c>POST e-copies</c> (multipart: <c>banSao</c> JSON, <c>tep</c> the file, see <see cref="IGateECopy"/>):
/// 201 recorded, 200 already kept, 422 refused, 400 not such a request.</summary>
internal static class IGateECopyEndpoints
{
    public static void Map(IEndpointRouteBuilder api, ECopyShelf shelf) =>
        api.MapPost("/e-copies", async (HttpContext context) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var copy = Details(form?["banSao"].ToString());
            if (copy is null || form?.Files.GetFile("tep") is not { } file)
            {
                return Error(StatusCodes.Status400BadRequest, "IGATE-400", "Cần multipart/form-data gồm banSao (JSON) và tep.");
            }

            string sha256;
            await using (var content = file.OpenReadStream())
            {
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, context.RequestAborted));
            }

            var (outcome, code, reason) = shelf.Receive(copy, file.Length, sha256);
            return outcome == SandboxWriteOutcome.Refused
                ? Error(StatusCodes.Status422UnprocessableEntity, code!, reason)
                : Results.Json(new { status = outcome == SandboxWriteOutcome.Applied ? "created" : "unchanged" }, JsonSerializerOptions.Web,
                    statusCode: outcome == SandboxWriteOutcome.Applied ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    private static IGateECopy? Details(string? json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<IGateECopy>(json, JsonSerializerOptions.Web) is { SoChungThuc: not null, Sha256: not null } copy ? copy : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string code, string? reason) =>
        Results.Json(new IGateErrorReply(code, reason), JsonSerializerOptions.Web, statusCode: status);
}
