using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Parses QCVN 102:2016 edXML from a stream. The header is small and loaded as a tree; each attachment's base64
/// is decoded in chunks straight into a stream the caller supplies, so memory stays bounded whatever the attachment size.
/// See <see cref="EdXmlWriter"/> for the attachment packaging. Failures are <see cref="EdXmlException"/>s.</summary>
public sealed class EdXmlReader
{
    /// <summary>Reads an envelope. <paramref name="openSink"/> is called once per attachment, in document order, with
    /// the manifest's data for it; the reader writes the decoded content to the returned stream and disposes it.
    /// If reading fails part-way, sinks already opened have received partial content: the caller discards them.</summary>
    public async Task<EdXmlReceivedEnvelope> ReadAsync(
        Stream input, Func<EdXmlAttachmentInfo, Stream> openSink, CancellationToken cancellationToken = default)
    {
        using var reader = XmlReader.Create(input, EdXmlSafeReading.Settings());
        try
        {
            return await ReadEnvelopeAsync(reader, openSink, cancellationToken);
        }
        catch (XmlException ex)
        {
            throw EdXmlSafeReading.Map(ex);
        }
    }

    private static async Task<EdXmlReceivedEnvelope> ReadEnvelopeAsync(
        XmlReader reader, Func<EdXmlAttachmentInfo, Stream> openSink, CancellationToken cancellationToken)
    {
        await EdXmlSafeReading.ExpectRootAsync(reader, EdXmlNames.Envelope);
        EdXmlReceivedEnvelope? envelope = null;
        if (!reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            while (await reader.MoveToContentAsync() != XmlNodeType.EndElement)
            {
                if (reader.IsEdXml(EdXmlNames.Header))
                {
                    envelope = Header((XElement)await XNode.ReadFromAsync(reader, cancellationToken));
                }
                else if (reader.IsEdXml(EdXmlNames.Body))
                {
                    // The header must come first and is validated before any attachment is decoded, so a bad
                    // envelope costs no sink writes.
                    envelope = (envelope ?? throw MissingHeader()) with
                    {
                        Attachments = await EdXmlBodyReader.ReadAsync(reader, openSink, cancellationToken),
                    };
                }
                else
                {
                    await reader.SkipAsync();
                }
            }
        }

        var complete = envelope ?? throw MissingHeader();
        await EdXmlSafeReading.ExpectEndOfInputAsync(reader);
        return complete;
    }

    private static EdXmlReceivedEnvelope Header(XElement header) => new()
    {
        Header = EdXmlHeaderParser.MessageHeader(header),
        TraceHeaderList = EdXmlHeaderParser.TraceHeaders(header),
        Attachments = [],
        HasSignature = header.Elements().Any(e => e.Name.LocalName == "Signature"),
    };

    private static EdXmlException MissingHeader() =>
        new(EdXmlErrorCodes.MissingField, "edXMLHeader is missing or does not precede edXMLBody.");
}
