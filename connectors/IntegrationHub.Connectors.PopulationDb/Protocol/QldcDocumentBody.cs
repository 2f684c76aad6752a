using System.Xml.Serialization;

namespace IntegrationHub.Connectors.PopulationDb.Protocol;

public sealed class QldcDocumentBody
{
    [XmlArray("CongdanCollection")]
    [XmlArrayItem("CongDan")]
    public List<CongDan> CongDanCollection { get; set; } = [];
}
