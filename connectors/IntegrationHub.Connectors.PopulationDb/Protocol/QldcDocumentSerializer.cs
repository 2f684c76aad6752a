using System.Xml;
using System.Xml.Serialization;

namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>Reads and writes the text of <c>message</c>.</summary>
public static class QldcDocumentSerializer
{
    private static readonly XmlSerializer Serializer = new(typeof(QldcDocument));

    public static string Write(QldcDocument document)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            Serializer.Serialize(writer, document, new XmlSerializerNamespaces([System.Xml.XmlQualifiedName.Empty]));
        }

        return text.ToString();
    }

    /// <exception cref="InvalidOperationException">The text is not such a document.</exception>
    public static QldcDocument Read(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return Serializer.Deserialize(reader) as QldcDocument ?? throw new InvalidOperationException("The message is empty.");
    }
}
