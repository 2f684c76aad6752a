using System.Security;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.PopulationDb.Sandbox;

/// <summary>Writes SOAP 1.1 faults (HTTP 500, text/xml) with a chosen code, as the counterpart's gateway does.</summary>
internal static class SandboxSoapFaults
{
    public static async Task WriteAsync(HttpContext context, string code, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/xml; charset=utf-8";
        var body =
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>" +
            $"<faultcode xmlns:q=\"{Protocol.QldcNamespace.Value}\">{code}</faultcode>" +
            $"<faultstring xml:lang=\"en-US\">{SecurityElement.Escape(reason)}</faultstring>" +
            "</s:Fault></s:Body></s:Envelope>";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
