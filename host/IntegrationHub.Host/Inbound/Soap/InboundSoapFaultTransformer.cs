using System.Net;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using SoapCore;
using SoapCore.Extensibility;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>Every Fault SoapCore writes carries an <see cref="InboundFault"/> detail with its own reason: the service's
/// refusals as they are, a body the serializer cannot read as the permanent <c>invalid_soap_body</c>, and only what is
/// left, the hub's own failures, as the retryable <c>internal_error</c>. (SoapCore's exception transformer put one
/// "retry later" text on every fault, permanent ones included.) Always HTTP 500, as SOAP over HTTP carries faults.</summary>
public sealed class InboundSoapFaultTransformer(IHttpContextAccessor http) : IFaultExceptionTransformer
{
    private readonly DefaultFaultExceptionTransformer<CustomMessage> _writer = new();

    public Message ProvideFault(Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceManager)
    {
        var fault = exception switch
        {
            FaultException<InboundFault> refusal => refusal,
            SerializationException or XmlException or FormatException => Fault(InboundError.InvalidSoapBody(exception.Message)),
            _ => Fault(InboundError.SoapInternalError()),
        };

        if (http.HttpContext is { } context)
        {
            context.RequestServices.GetService<Observability.HubMetrics>()?.InboundRefused(context, fault.Detail.Code);
        }

        var message = _writer.ProvideFault(fault, messageVersion, requestMessage, xmlNamespaceManager);
        message.Properties[HttpResponseMessageProperty.Name] = new HttpResponseMessageProperty { StatusCode = HttpStatusCode.InternalServerError };
        return message;
    }

    public static FaultException<InboundFault> Fault(InboundError error) =>
        new(new InboundFault { Code = error.Code, Message = error.Message, HttpStatus = error.Status },
            new FaultReason(error.Message),
            new FaultCode(error.Status >= 500 ? "Server" : "Client"),
            null);
}
