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
        SignedMessageReader reader,
        InboxWriter writer,
        InboxPressure pressure,
        HubInbound inbound,
        IOptions<InboundOptions> options,
        CancellationToken cancellationToken)
    {
        IResult Refuse(InboundError error) => InboundProblem.From(error, context, options.Value.RetryAfterSeconds);

        // Refused before reading the body: a database outage or a full inbox must not make requests wait.
        if (pressure.Refusal() is { } refusal)
        {
            return Refuse(refusal);
        }

        if (inbound.DedicatedTypeRefusal(messageType) is { } dedicated)
        {
            // A module's own endpoint takes this type (it answers at once, not with an inbox receipt).
            return Refuse(dedicated);
        }

        var message = await reader.ReadAsync(context, partner, messageType, keepData: false, cancellationToken);
        if (message.Error is not null)
        {
            return Refuse(message.Error);
        }

        var result = await writer.SubmitAsync(message.Submission!, cancellationToken);
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
}
