using System.Runtime.Serialization;

namespace IntegrationHub.Host.Inbound.Soap;

[DataContract(Namespace = InboundSoapNamespace.Value)]
public sealed class InboundSoapReceipt
{
    [DataMember(Order = 1)]
    public string ReceiptId { get; set; } = string.Empty;

    [DataMember(Order = 2)]
    public string Partner { get; set; } = string.Empty;

    [DataMember(Order = 3)]
    public string MessageType { get; set; } = string.Empty;

    [DataMember(Order = 4)]
    public string MessageId { get; set; } = string.Empty;

    /// <summary>ISO 8601, UTC.</summary>
    [DataMember(Order = 5)]
    public string ReceivedAt { get; set; } = string.Empty;

    /// <summary>True when the message id was received before: this is the original receipt.</summary>
    [DataMember(Order = 6)]
    public bool Repeated { get; set; }
}
