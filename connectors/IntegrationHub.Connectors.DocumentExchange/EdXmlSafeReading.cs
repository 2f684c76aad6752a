using System.Xml;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Hardened reader settings and the mapping of XmlReader's failures to edXML error codes.</summary>
internal static class EdXmlSafeReading
{
    /// <summary>DTDs prohibited and no resolver: no external entities (XXE), no entity expansion bombs, no network.</summary>
    public static XmlReaderSettings Settings() => new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>XmlException carries no error code; with DtdProcessing.Prohibit a DOCTYPE anywhere fails with a message
    /// naming the DTD (the runtime's English resources), which is the only signal available, so it is matched here.</summary>
    public static EdXmlException Map(XmlException ex) =>
        ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? new(EdXmlErrorCodes.DtdForbidden, "The message has a DOCTYPE; DTDs are not accepted.", ex)
            : new(EdXmlErrorCodes.MalformedXml, $"The message is not well-formed XML: {ex.Message}", ex);

    /// <summary>Positions on the root element and checks it is the expected edXML element.</summary>
    public static async Task ExpectRootAsync(XmlReader reader, string localName)
    {
        if (await reader.MoveToContentAsync() != XmlNodeType.Element)
        {
            throw new EdXmlException(EdXmlErrorCodes.MalformedXml, "The message has no root element.");
        }

        if (reader.NamespaceURI != EdXmlNames.Namespace)
        {
            throw new EdXmlException(
                EdXmlErrorCodes.WrongNamespace,
                $"The root element is in namespace '{reader.NamespaceURI}', expected '{EdXmlNames.Namespace}'.");
        }

        if (reader.LocalName != localName)
        {
            throw new EdXmlException(EdXmlErrorCodes.UnexpectedRoot, $"The root element is '{reader.LocalName}', expected '{localName}'.");
        }
    }

    /// <summary>Reads on from the root's end tag to the end of the input: only whitespace, comments and processing
    /// instructions may follow. Anything else is an XmlException (malformed_xml), and a transfer that breaks after the
    /// end tag surfaces as its IOException, instead of an envelope being accepted from a body that never ended well.</summary>
    public static async Task ExpectEndOfInputAsync(XmlReader reader)
    {
        while (await reader.ReadAsync())
        {
            if (reader.NodeType is not (XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction))
            {
                throw new EdXmlException(EdXmlErrorCodes.MalformedXml, $"The message goes on after its root element ({reader.NodeType} '{reader.Name}').");
            }
        }
    }

    public static bool IsEdXml(this XmlReader reader, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == EdXmlNames.Namespace;
}
