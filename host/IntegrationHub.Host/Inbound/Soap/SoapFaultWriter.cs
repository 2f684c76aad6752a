using System.Security;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>Writes a refusal as a SOAP Fault (1.1 or 1.2, as the request was) before SoapCore ever parses the body:
/// oversize, not well-formed, DTD, too deep, wrong SOAP version or operation, bad credentials. The detail is the same
/// <see cref="InboundFault"/> the service uses.</summary>
public static class SoapFaultWriter
{
    public const string Soap12MediaType = "application/soap+xml";

    public static Task WriteAsync(HttpContext context, InboundError error, bool soap12, int retryAfterSeconds)
    {
        context.RequestServices.GetService<Observability.HubMetrics>()?.InboundRefused(context, error.Code);
        var response = context.Response;
        if (error.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // WCF clients see ServerTooBusyException; others a plain 503 with Retry-After, like REST.
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            // SOAP over HTTP carries faults with status 500; the real status is in the detail.
            response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        // Both SOAP versions define this fault code for an envelope of a version the receiver does not expect.
        var versionMismatch = error.Code == InboundError.SoapVersionMismatchCode;
        var message = SecurityElement.Escape(error.Message);
        var detail = $"""<InboundFault xmlns="{InboundSoapNamespace.Value}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Code>{error.Code}</Code><Message>{message}</Message><HttpStatus>{error.Status}</HttpStatus></InboundFault>""";
        string envelope;
        if (soap12)
        {
            response.ContentType = $"{Soap12MediaType}; charset=utf-8";
            var code = versionMismatch ? "s:VersionMismatch" : error.Status >= 500 ? "s:Receiver" : "s:Sender";
            envelope = $"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>{code}</s:Value></s:Code><s:Reason><s:Text xml:lang="en">{message}</s:Text></s:Reason><s:Detail>{detail}</s:Detail></s:Fault></s:Body></s:Envelope>""";
        }
        else
        {
            response.ContentType = "text/xml; charset=utf-8";
            var code = versionMismatch ? "s:VersionMismatch" : error.Status >= 500 ? "s:Server" : "s:Client";
            envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>{code}</faultcode><faultstring xml:lang="en">{message}</faultstring><detail>{detail}</detail></s:Fault></s:Body></s:Envelope>""";
        }

        return response.WriteAsync(envelope);
    }
}
