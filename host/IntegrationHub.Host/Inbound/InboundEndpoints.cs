using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary><c>POST /api/inbound/{partner}/{messageType}</c>: a partner pushes one JSON message, signed; 202 with a
/// receipt once it is committed, the original receipt for a repeated message id.</summary>
public static class InboundEndpoints
{
    public static IEndpointRouteBuilder MapInboundApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/inbound/{partner}/{messageType}", ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        string partner,
        string messageType,
        HttpContext context,
        InboundAuthenticator authenticator,
        InboundMessageValidator validator,
        InboxWriter writer,
        InboxPressure pressure,
        IOptions<InboundOptions> options,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        IResult Refuse(InboundError error) => InboundProblem.From(error, context, limits.RetryAfterSeconds);

        if (pressure.Refusal() is { } refusal)
        {
            return Refuse(refusal);
        }

        if (!IsJson(context.Request.ContentType))
        {
            return Refuse(InboundError.UnsupportedMediaType("application/json"));
        }

        var (body, bodyError) = await InboundBodyReader.ReadAsync(context.Request, limits.MaxBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return Refuse(bodyError);
        }

        if (authenticator.Authenticate(partner, context.Request.Method, context.Request.Path.Value!, context.Request.Headers, body, out var caller) is { } authError)
        {
            return Refuse(authError);
        }

        if (InboundEnvelope.Parse(body, out var document, out var messageId, out var data) is { } parseError)
        {
            document?.Dispose();
            return Refuse(parseError);
        }

        InboundSubmission? submission;
        using (document)
        {
            if (messageType == Configuration.PaymentsOptions.InitMessageType)
            {
                // Starting a payment needs the platform's answer: it has its own endpoint, not the inbox.
                return Refuse(new InboundError(404, "unknown_message_type", "payment-init is sent to /api/payments/init/{partner}, which answers the payment URL."));
            }

            if (validator.Validate(caller!, messageType, messageId, data, out submission) is { } invalid)
            {
                return Refuse(invalid);
            }
        }

        var result = await writer.SubmitAsync(submission!, cancellationToken);
        if (result.Error is not null)
        {
            return Refuse(result.Error);
        }

        if (result.Repeated)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        var receipt = result.Receipt!;
        return Results.Json(
            new { receiptId = receipt.ReceiptId, partner = receipt.Partner, messageType = receipt.MessageType, messageId = receipt.MessageId, receivedAt = receipt.ReceivedAt },
            statusCode: StatusCodes.Status202Accepted);
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
