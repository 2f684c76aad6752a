using System.ServiceModel;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>The SOAP face of the inbound gateway (SOAP 1.1 and 1.2, WSDL at <c>/soap/inbound?wsdl</c>): the same message
/// types, checks and receipts as REST. Refusals are SOAP Faults whose detail carries the same code.</summary>
[ServiceContract(Namespace = InboundSoapNamespace.Value, Name = "InboundService")]
public interface IInboundSoapService
{
    [OperationContract]
    [FaultContract(typeof(InboundFault))]
    Task<InboundSoapReceipt> Submit(InboundSoapMessage message);
}
