using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>Writes the portal's replies: HTTP 200 with the outcome in error_code, as the portal reports business errors.</summary>
internal static class SandboxReplies
{
    public static Task ErrorAsync(HttpContext context, string code, string message) =>
        WriteAsync(context, new IntegrationReply<object>(code, message, null, null));

    public static Task WriteAsync<T>(HttpContext context, T reply) =>
        context.Response.WriteAsJsonAsync(reply, PortalJson.Options, context.RequestAborted);
}
