using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
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
        var group = app.MapGroup("/api/inbox/parked").RequireAuthorization(AdminAccessRequirement.PolicyName);
        group.MapGet("/", async (ParkedInboxOperations operations, CancellationToken cancellationToken) =>
        {
            var (total, items) = await operations.ListAsync(ListLimit, cancellationToken);
            return Results.Ok(new { total, items = items.Select(ToJson) });
        });
        group.MapPost("/replay", (ParkedInboxOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("replay", operations, context, cancellationToken)).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>();
        group.MapPost("/discard", (ParkedInboxOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("discard", operations, context, cancellationToken)).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>();
        return app;
    }

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
        return Results.Ok(new { action, actionId = result.ActionId, affected = result.Count, @operator = result.Operator, reason = result.Reason });
    }

    /// <summary>The payload as masked text: a parked payload may be JSON PostgreSQL refuses, so it is not re-parsed here.</summary>
    private static object ToJson(ParkedInboxMessage m) => new
    {
        inboxId = m.InboxId,
        receiptId = m.ReceiptId,
        partner = m.Partner,
        messageType = m.MessageType,
        messageId = m.PartnerMessageId,
        businessKey = m.BusinessKey,
        receivedAt = m.ReceivedAt,
        errorCode = m.ErrorCode,
        error = PersonalDataMask.MaskText(m.Error),
        attempts = m.Attempts,
        firstParkedAt = m.FirstParkedAt,
        parkedAt = m.ParkedAt,
        payload = PersonalDataMask.MaskPayload(m.Payload),
    };
}
