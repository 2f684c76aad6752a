using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary><c>POST /api/inbound/{partner}/{messageType}</c>: a partner pushes one JSON message, signed; 202 with a
/// receipt once it is committed, the original receipt for a repeated message id.</summary>
public static class InboundEndpoints
{
    public const string Path = "/api/inbound/{partner}/{messageType}";

    /// <summary>The OpenAPI tag of every endpoint partners push to.</summary>
    public const string Tag = "Partner push";

    public static IEndpointRouteBuilder MapInboundApi(this IEndpointRouteBuilder app)
    {
        var endpoint = app.MapPost(Path, ReceiveAsync)
            .WithTags(Tag).WithName("pushMessage")
            .WithSummary("Push one signed message")
            .WithDescription("The body is `{\"messageId\", \"data\"}`; `data` holds the fields configured for the partner's message type. " +
                "Answered 202 with a receipt once the message is committed; the same messageId again answers the original receipt (`Idempotent-Replayed: true`).")
            .Produces<InboundReceipt>(StatusCodes.Status202Accepted);
        foreach (var (status, codes) in InboundProblemCodes.SignedMessage.Concat(InboundProblemCodes.Inbox))
        {
            endpoint.ProducesProblemCodes(status, [.. codes]);
        }

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

        return Results.Json(result.Receipt!, statusCode: StatusCodes.Status202Accepted);
    }
}
