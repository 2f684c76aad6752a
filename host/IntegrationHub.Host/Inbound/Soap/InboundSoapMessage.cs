using System.Runtime.Serialization;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>One pushed message: its type, the partner's message id, and the data object as JSON text (the same object
/// REST carries in <c>data</c>), so both faces validate and store it identically. All three are required, but by the
/// service (a missing or empty one is <c>missing_field</c>), not by the serializer, whose refusal could only be a generic
/// fault; WCF clients send every member either way.</summary>
[DataContract(Namespace = InboundSoapNamespace.Value)]
public sealed class InboundSoapMessage
{
    [DataMember(Order = 1, IsRequired = false)]
    public string MessageType { get; set; } = string.Empty;

    [DataMember(Order = 2, IsRequired = false)]
    public string MessageId { get; set; } = string.Empty;

    [DataMember(Order = 3, IsRequired = false)]
    public string DataJson { get; set; } = string.Empty;
}
