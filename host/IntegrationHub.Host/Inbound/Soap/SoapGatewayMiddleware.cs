using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>Guards the SOAP endpoint before SoapCore reads a byte: back-pressure, size limit, the envelope checks of
/// <see cref="SoapEnvelopeInspector"/> (no DTD, well-formed, depth, SOAP version, operation), the SOAP action, and the
/// partner's signature over the exact body. Serves the hub's own WSDL (GET, public).</summary>
public sealed class SoapGatewayMiddleware(
    RequestDelegate next,
    InboundAuthenticator authenticator,
    InboxPressure pressure,
    IOptions<InboundOptions> options)
{
    public const string CallerItem = "IntegrationHub.InboundCaller";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(InboundSoapNamespace.Path, out var rest) || rest.Value is not (null or "" or "/"))
        {
            // SoapCore would also answer below the path (GET /soap/inbound/Submit?… calls the operation from the query).
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await WriteWsdlAsync(context);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, POST";
            return;
        }

        var limits = options.Value;
        var soap12 = context.Request.ContentType?.StartsWith(SoapFaultWriter.Soap12MediaType, StringComparison.OrdinalIgnoreCase) == true;
        Task Refuse(InboundError error) => SoapFaultWriter.WriteAsync(context, error, soap12, limits.RetryAfterSeconds);

        if (pressure.Refusal() is { } refusal)
        {
            await Refuse(refusal);
            return;
        }

        if (!soap12 && context.Request.ContentType?.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Refuse(InboundError.UnsupportedMediaType("text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2)"));
            return;
        }

        var (body, bodyError) = await InboundBodyReader.ReadAsync(context.Request, limits.MaxBodyBytes, context.RequestAborted);
        if (bodyError is not null)
        {
            await Refuse(bodyError);
            return;
        }

        if ((SoapEnvelopeInspector.Inspect(body!, soap12, limits.MaxXmlDepth, out var operation) ?? ActionProblem(context.Request, operation!)) is { } xmlError)
        {
            await Refuse(xmlError);
            return;
        }

        var partner = context.Request.Headers[InboundSoapNamespace.PartnerHeader].ToString();
        if (partner.Length == 0)
        {
            await Refuse(InboundError.MissingCredentials(InboundSoapNamespace.PartnerHeader));
            return;
        }

        if (authenticator.Authenticate(partner, context.Request.Method, context.Request.Path.Value!, context.Request.Headers, body, out var caller) is { } authError)
        {
            await Refuse(authError);
            return;
        }

        context.Items[CallerItem] = caller;
        context.Request.Body = new MemoryStream(body!, writable: false);
        context.Request.ContentLength = body!.Length;
        await next(context);
    }

    /// <summary>The hub's own WSDL (see <see cref="InboundWsdl"/>), whatever the query (<c>?wsdl</c>, <c>?singleWsdl</c>, none),
    /// with the address the partner asked it from.</summary>
    private static Task WriteWsdlAsync(HttpContext context)
    {
        var request = context.Request;
        var wsdl = InboundWsdl.Write($"{request.Scheme}://{request.Host}{request.PathBase}{InboundSoapNamespace.Path}");
        context.Response.ContentType = "text/xml; charset=utf-8";
        context.Response.ContentLength = wsdl.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(wsdl).AsTask();
    }

    /// <summary>A SOAP action, when the client sends one (SOAPAction header, or the action parameter of SOAP 1.2's
    /// Content-Type), must be the WSDL's action for the operation in the body; SoapCore would otherwise guess.</summary>
    private static InboundError? ActionProblem(HttpRequest request, string operation)
    {
        var expected = InboundWsdl.ActionsByOperation[operation];
        var header = request.Headers["SOAPAction"].ToString().Trim().Trim('"');
        var parameter = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            ? media.Parameters.FirstOrDefault(p => p.Name.Equals("action", StringComparison.OrdinalIgnoreCase))?.Value.ToString().Trim('"') ?? string.Empty
            : string.Empty;
        foreach (var action in new[] { header, parameter })
        {
            if (action.Length > 0 && action != expected)
            {
                return InboundError.UnknownSoapOperation($"SOAP action '{action}' is not the action of {operation} ('{expected}').");
            }
        }

        return null;
    }
}
