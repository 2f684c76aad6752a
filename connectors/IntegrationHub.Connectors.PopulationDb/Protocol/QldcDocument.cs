using System.Xml.Serialization;

namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>The document carried as text in <c>message</c>: <c>Envelope/Body/CongdanCollection/CongDan</c> (element names
/// from the reference; no namespace, designed).</summary>
[XmlRoot("Envelope")]
public sealed class QldcDocument
{
    [XmlElement("Body")]
    public QldcDocumentBody Body { get; set; } = new();
}
