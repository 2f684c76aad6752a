using System.Runtime.Serialization;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>Detail of every SOAP Fault the gateway sends: the same machine-readable code and message as REST's problem+json.</summary>
[DataContract(Namespace = InboundSoapNamespace.Value)]
public sealed class InboundFault
{
    [DataMember(Order = 1)]
    public string Code { get; set; } = string.Empty;

    [DataMember(Order = 2)]
    public string Message { get; set; } = string.Empty;

    [DataMember(Order = 3)]
    public int HttpStatus { get; set; }
}
