using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Admin.Responses;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/messages?businessKey=</c>: every message of a business key and every step of its life, personal ids masked.</summary>
public static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/messages", async (string? businessKey, MessageHistoryStore history, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(businessKey))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Business key required",
                    detail: "Give ?businessKey= (MaHoSo, MaTTHC...).", extensions: new Dictionary<string, object?> { ["code"] = "business_key_required" });
            }

            var messages = await history.FindAsync(businessKey.Trim(), 200, cancellationToken);
            return Results.Ok(new MessageHistoryList(businessKey.Trim(), [.. messages.Select(ToItem)]));
        }).RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("Messages").WithName("findMessages").WithSummary("Every message of a business key (MaHoSo, MaTTHC...) and every step of its life")
            .Produces<MessageHistoryList>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "business_key_required");
        return app;
    }

    private static MessageHistoryItem ToItem(MessageHistory m) => new(
        m.MessageId,
        m.FlowId,
        m.RecordKey,
        m.Version,
        m.ReceivedAt,
        System.Text.Json.JsonDocument.Parse(PersonalDataMask.MaskPayload(m.Payload)).RootElement,
        [.. m.Deliveries.Select(d => new MessageDeliveryItem(
            d.Destination, d.Status, d.Attempts, d.Reference is null ? null : PersonalDataMask.MaskText(d.Reference), d.LastErrorCode, PersonalDataMask.MaskText(d.LastError), d.UpdatedAt))],
        [.. m.Steps.Select(s => new MessageStepItem(s.At, s.Event, s.Destination, PersonalDataMask.MaskText(s.Detail), s.DurationMs, s.ActionId, s.Operator, s.Reason))]);
}
