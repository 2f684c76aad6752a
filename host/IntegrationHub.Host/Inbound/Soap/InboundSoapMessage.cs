using System.Runtime.Serialization;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>One pushed message: its type, the partner's message id, and the data object as JSON text (the same object
/// REST carries in <c>data</c>), so both faces validate and store it identically.</summary>
[DataContract(Namespace = InboundSoapNamespace.Value)]
public sealed class InboundSoapMessage
{
    [DataMember(Order = 1, IsRequired = true)]
    public string MessageType { get; set; } = string.Empty;

    [DataMember(Order = 2, IsRequired = true)]
    public string MessageId { get; set; } = string.Empty;

    [DataMember(Order = 3, IsRequired = true)]
    public string DataJson { get; set; } = string.Empty;
}
