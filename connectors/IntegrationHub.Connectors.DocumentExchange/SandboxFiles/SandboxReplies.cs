using System.Text.Json;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>Shared answers and request helpers of the document sandboxes.</summary>
public static class SandboxReplies
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new EdXmlErrorReply(code, message), JsonSerializerOptions.Web, statusCode: status);

    /// <summary>Lets only calls with the API key through; others get 401 <c>{"code":"unauthorized"}</c>.</summary>
    public static SandboxAuthFilter ApiKeyFilter(string headerName, string apiKey) =>
        new(HttpAuth.ApiKey(headerName, apiKey), () => Error(StatusCodes.Status401Unauthorized, "unauthorized", $"Missing or wrong {headerName}."));

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

    /// <summary>Stores a posted edXML document (any size) and answers with <paramref name="accept"/>, or 400 with its
    /// edXML error code if it is not valid edXML.</summary>
    public static async Task<IResult> ReceiveDocumentAsync(HttpRequest request, EdXmlFileStore files, Func<StoredEdXml, IResult> accept)
    {
        AllowLargeBody(request.HttpContext);
        StoredEdXml stored;
        try
        {
            stored = await files.SaveAsync(request.Body, request.HttpContext.RequestAborted);
        }
        catch (EdXmlException ex)
        {
            return Rejected(ex);
        }

        return accept(stored);
    }

    /// <summary>Reads a posted edXML status message and answers with <paramref name="accept"/>, or 400 with its edXML
    /// error code if it is not valid.</summary>
    public static async Task<IResult> ReceiveStatusAsync(HttpRequest request, Func<EdXmlStatus, IResult> accept)
    {
        EdXmlStatus status;
        try
        {
            status = await new EdXmlStatusReader().ReadAsync(request.Body, request.HttpContext.RequestAborted);
        }
        catch (EdXmlException ex)
        {
            return Rejected(ex);
        }

        return accept(status);
    }

    public static string? IdempotencyKey(HttpRequest request) =>
        request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;
}
