using System.Xml;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>One streaming pass over a (size-limited) SOAP body before SoapCore parses it: no DTD (so no external entities
/// and no entity expansion), well-formed, nested no deeper than the limit, an envelope of the SOAP version the
/// Content-Type announces, and a body naming an operation of the WSDL. Each problem is a permanent refusal, found in
/// time proportional to the bytes before it: nesting is refused at the first element past the limit, so a body
/// nested 200,000 deep costs what one nested to the limit does.</summary>
public static class SoapEnvelopeInspector
{
    public const string Soap11Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";

    private static readonly XmlReaderSettings StrictXml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        CloseInput = true,
    };

    /// <param name="operation">The body's operation element (a key of <see cref="InboundWsdl.ActionsByOperation"/>) when there is no problem.</param>
    public static InboundError? Inspect(byte[] body, bool soap12, int maxDepth, out string? operation)
    {
        operation = null;
        if (body.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0)
        {
            return InboundError.XmlDtdForbidden();
        }

        var expected = soap12 ? Soap12Envelope : Soap11Envelope;
        InboundError? structure = null;
        var inBody = false;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), StrictXml);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                // Depth is 0 at the envelope, which partners count as level 1.
                if (reader.Depth >= maxDepth)
                {
                    return InboundError.XmlTooDeep(maxDepth);
                }

                if (structure is not null)
                {
                    continue; // still read to the end: a deeper or malformed body is refused as that first
                }

                switch (reader.Depth)
                {
                    case 0:
                        structure = EnvelopeProblem(reader.LocalName, reader.NamespaceURI, expected, soap12);
                        break;
                    case 1:
                        inBody = reader.LocalName == "Body" && reader.NamespaceURI == expected;
                        break;
                    case 2 when inBody && operation is null:
                        operation = reader.NamespaceURI == InboundSoapNamespace.Value && InboundWsdl.ActionsByOperation.ContainsKey(reader.LocalName) ? reader.LocalName : null;
                        structure = operation is null
                            ? InboundError.UnknownSoapOperation($"The Body holds {{{reader.NamespaceURI}}}{reader.LocalName}, which is no operation of this service.")
                            : null;
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            return e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? InboundError.XmlDtdForbidden() : InboundError.MalformedXml(e.Message);
        }

        if (structure is null && operation is null)
        {
            structure = InboundError.UnknownSoapOperation($"The envelope has no Body holding an operation element in {InboundSoapNamespace.Value}.");
        }

        if (structure is not null)
        {
            operation = null;
        }

        return structure;
    }

    private static InboundError? EnvelopeProblem(string localName, string ns, string expected, bool soap12)
    {
        if (localName == "Envelope" && ns == expected)
        {
            return null;
        }

        var version = ns switch
        {
            Soap11Envelope => "a SOAP 1.1 envelope",
            Soap12Envelope => "a SOAP 1.2 envelope",
            _ => $"{{{ns}}}{localName}, not a SOAP envelope,",
        };
        return InboundError.SoapVersionMismatch($"The body is {version} sent as {(soap12 ? SoapFaultWriter.Soap12MediaType : "text/xml")}.");
    }
}
