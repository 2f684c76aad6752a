using System.Xml.Serialization;

namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>The lookup answer. FROM THE REFERENCE: <c>{error_code, message}</c> where <c>message</c> is an XML document
/// <c>Envelope/Body/CongdanCollection/CongDan</c> (see <see cref="QldcDocument"/>). DESIGNED: the codes in
/// <see cref="PopulationErrorCodes"/>.</summary>
[XmlType(Namespace = QldcNamespace.Value)]
public sealed class XacMinhThongTinNhanThanResult
{
    [XmlElement("error_code")]
    public string ErrorCode { get; set; } = string.Empty;

    [XmlElement("message")]
    public string Message { get; set; } = string.Empty;
}
