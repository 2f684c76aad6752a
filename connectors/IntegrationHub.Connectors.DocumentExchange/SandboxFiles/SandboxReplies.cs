using System.Text.Json;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>Shared answers and request helpers of the document sandboxes.</summary>
public static class SandboxReplies
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new EdXmlErrorReply(code, message), JsonSerializerOptions.Web, statusCode: status);

    public static IResult Rejected(EdXmlException exception) => Error(StatusCodes.Status400BadRequest, exception.Code, exception.Message);

    public static IResult EdXmlFile(string path) => Results.Stream(EdXmlFileStore.Open(path), Transfer.EdXmlMediaType.Value);

    /// <summary>Documents may be far larger than Kestrel's 30 MB default body limit.</summary>
    public static void AllowLargeBody(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }

    public static string? IdempotencyKey(HttpContext context) =>
        context.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;
}
