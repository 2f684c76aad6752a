using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Admin.Responses;
using IntegrationHub.Host.Inbound;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/inbox/parked</c>, <c>POST /api/inbox/parked/replay</c>, <c>POST /api/inbox/parked/discard</c>.</summary>
public static class ParkedInboxEndpoints
{
    private const int ListLimit = 500;
    private const int MaxBodyBytes = 64 * 1024;
    private const string ActionShape = "{\"ids\": [inbox ids]} or {\"all\": true}, with \"reason\"";

    public static IEndpointRouteBuilder MapParkedInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbox/parked").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Parked inbox");
        group.MapGet("/", async (ParkedInboxOperations operations, CancellationToken cancellationToken) =>
        {
            var (total, items) = await operations.ListAsync(ListLimit, cancellationToken);
            return Results.Ok(new ParkedInboxList(total, [.. items.Select(ToItem)]));
        }).WithName("listParkedInbox").WithSummary("Received messages the router could not move into their flow").Produces<ParkedInboxList>();
        Action(group.MapPost("/replay", (ParkedInboxOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("replay", operations, context, cancellationToken)), "replayParkedInbox", "Put parked messages back on the routing queue, with a reason");
        Action(group.MapPost("/discard", (ParkedInboxOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("discard", operations, context, cancellationToken)), "discardParkedInbox", "Leave parked messages unrouted for good, with a reason");
        return app;
    }

    private static void Action(RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .RequireAuthorization(HubPolicies.Operator)
        .AddEndpointFilter<CrossSiteRequestFilter>()
        .WithName(name).WithSummary(summary)
        .ReadsJsonBody<ParkedInboxActionRequest>()
        .Produces<ParkedInboxActionDone>()
        .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. AdminJsonBody.BodyCodes, .. ParkedInboxOperations.RefusalCodes])
        .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
        .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");

    private static async Task<IResult> ActAsync(string action, ParkedInboxOperations operations, HttpContext context, CancellationToken cancellationToken)
    {
        // Read as the dead-letter actions are: strictly (a misspelt "ids" must not be ignored), size-limited, text checked
        // (a NUL in the reason is 400 invalid_text, not a 500 from the operator_actions insert) and in NFC.
        var (request, invalid) = await AdminJsonBody.ReadAsync<ParkedInboxActionRequest>(context, MaxBodyBytes, ActionShape, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (request is null)
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, "malformed_json", "Malformed request", $"Send {ActionShape}.");
        }

        if (ParkedInboxOperations.Refusal(request.Ids, request.All, request.Reason) is { } refusal)
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, refusal.Code, "Request refused", refusal.Message);
        }

        var ids = request.All ? null : request.Ids;
        var operatorName = OperatorName.Of(context);
        var result = action == "replay"
            ? await operations.ReplayAsync(ids, operatorName, request.Reason!, cancellationToken)
            : await operations.DiscardAsync(ids, operatorName, request.Reason!, cancellationToken);
        return Results.Ok(new ParkedInboxActionDone(action, result.ActionId, result.Count, result.Operator, result.Reason));
    }

    private static ParkedInboxItem ToItem(ParkedInboxMessage m) => new(
        m.InboxId,
        m.ReceiptId,
        m.Partner,
        m.MessageType,
        m.PartnerMessageId,
        m.BusinessKey,
        m.ReceivedAt,
        m.ErrorCode,
        PersonalDataMask.MaskText(m.Error),
        m.Attempts,
        m.FirstParkedAt,
        m.ParkedAt,
        PersonalDataMask.MaskPayload(m.Payload));
}
