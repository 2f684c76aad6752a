using System.Globalization;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Inbound.Soap;

/// <summary>Stores a SOAP-pushed message exactly as REST does. The caller was authenticated by <see cref="SoapGatewayMiddleware"/>.</summary>
public sealed class InboundSoapService(
    IHttpContextAccessor http,
    InboundMessageValidator validator,
    InboxWriter writer,
    HubInbound inbound,
    Microsoft.Extensions.Options.IOptions<Configuration.InboundOptions> options,
    ILogger<InboundSoapService> logger) : IInboundSoapService
{
    public async Task<InboundSoapReceipt> Submit(InboundSoapMessage message)
    {
        try
        {
            return await SubmitCheckedAsync(message);
        }
        catch (Exception e) when (e is not FaultException and not OperationCanceledException)
        {
            // The hub's own failure: retryable internal_error, never taken for the partner's permanent invalid_soap_body
            // (which SoapCore's serializer exceptions of the same types mean).
            logger.LogError(MaskedException.Guard(e), "SOAP submit failed inside the hub");
            throw Fault(InboundError.SoapInternalError());
        }
    }

    private async Task<InboundSoapReceipt> SubmitCheckedAsync(InboundSoapMessage message)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No HTTP context.");
        if (context.Items[SoapGatewayMiddleware.CallerItem] is not InboundCaller caller)
        {
            throw Fault(InboundError.MissingCredentials(InboundAuthenticator.SignatureHeader));
        }

        // Absent elements (or ones in another namespace, or out of order) arrive as null; the WSDL requires them all.
        if (message is null)
        {
            throw Fault(InboundError.MissingField("message"));
        }

        foreach (var (field, value) in new[] { ("MessageType", message.MessageType), ("MessageId", message.MessageId), ("DataJson", message.DataJson) })
        {
            if (string.IsNullOrEmpty(value))
            {
                throw Fault(InboundError.MissingField($"message.{field}") with
                {
                    Message = $"Required field 'message.{field}' is missing or empty (the fields are MessageType, MessageId, DataJson, in that order, in {InboundSoapNamespace.Value}).",
                });
            }
        }

        if (inbound.DedicatedTypeRefusal(message.MessageType) is { } dedicated)
        {
            // As over REST: a module's own endpoint takes this type, not the inbox.
            throw Fault(dedicated);
        }

        // DataJson passes the same text check as a REST body: storable by PostgreSQL, NFC; and so does the message id.
        if (JsonTextInspector.Inspect(Encoding.UTF8.GetBytes(message.DataJson ?? string.Empty), InboundEnvelope.MaxDepth, out var dataJson) is { } textProblem)
        {
            throw Fault(InboundError.From(textProblem with { Message = $"DataJson: {textProblem.Message}" }));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(dataJson, new JsonDocumentOptions { MaxDepth = InboundEnvelope.MaxDepth });
        }
        catch (JsonException e)
        {
            throw Fault(InboundError.MalformedJson($"DataJson: {e.Message}"));
        }

        InboundSubmission? submission;
        using (document)
        {
            if (validator.Validate(caller, message.MessageType!, StorableText.Nfc(message.MessageId!), document.RootElement, out submission) is { } invalid)
            {
                throw Fault(invalid);
            }
        }

        var result = await writer.SubmitAsync(submission!, context.RequestAborted);
        if (result.Error is not null)
        {
            if (result.Error.Status == StatusCodes.Status503ServiceUnavailable)
            {
                // SOAP carries the fault with HTTP 500; the header still tells the client when to retry.
                context.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            throw Fault(result.Error);
        }

        var receipt = result.Receipt!;
        return new InboundSoapReceipt
        {
            ReceiptId = receipt.ReceiptId.ToString(),
            Partner = receipt.Partner,
            MessageType = receipt.MessageType,
            MessageId = receipt.MessageId,
            ReceivedAt = receipt.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            Repeated = result.Repeated,
        };
    }

    private static FaultException<InboundFault> Fault(InboundError error) => InboundSoapFaultTransformer.Fault(error);
}
