using System.ServiceModel;

namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>The population database's SOAP 1.1 contract, document/literal with the XmlSerializer (a Java-style
/// counterpart). One interface serves the WCF client (ChannelFactory) and the sandbox (SoapCore).</summary>
[ServiceContract(Namespace = QldcNamespace.Value, Name = QldcNamespace.ServiceName)]
[XmlSerializerFormat]
public interface IQldcService
{
    /// <summary>Looks a citizen up by personal id and returns the record inside <c>message</c>.</summary>
    [OperationContract(Name = QldcNamespace.Operation, Action = QldcNamespace.Action, ReplyAction = QldcNamespace.Action + "Response")]
    Task<XacMinhThongTinNhanThanResult> XacMinhThongTinNhanThanAsync(XacMinhThongTinNhanThanRequest request);
}
