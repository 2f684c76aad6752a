using System.Xml;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>Guards the SOAP endpoint before SoapCore reads a byte: back-pressure, size limit, no DTDs (so no external
/// entities: XXE cannot happen), well-formed XML, and the partner's signature over the exact body. The WSDL (GET) is public.</summary>
public sealed class SoapGatewayMiddleware(
    RequestDelegate next,
    InboundAuthenticator authenticator,
    InboxPressure pressure,
    IOptions<InboundOptions> options)
{
    public const string CallerItem = "IntegrationHub.InboundCaller";

    private static readonly XmlReaderSettings StrictXml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        CloseInput = true,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context); // the WSDL
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

        if (XmlProblem(body!) is { } xmlError)
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

    private static InboundError? XmlProblem(byte[] body)
    {
        if (body.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0)
        {
            return InboundError.XmlDtdForbidden();
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), StrictXml);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? InboundError.XmlDtdForbidden() : InboundError.MalformedXml(e.Message);
        }
    }
}
