using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Admin.Responses;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/messages?businessKey=</c>: every message of a business key and every step of its life, personal ids
/// masked (<c>archive=true</c>: also those archived past retention, marked so); <c>GET /api/messages.csv?businessKey=</c>: the same steps as a CSV download, one line per step.</summary>
public static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/messages.csv", (string? businessKey, MessageHistoryStore history) =>
            string.IsNullOrWhiteSpace(businessKey)
                ? BusinessKeyRequired()
                : new CsvDownload($"messages-{FileNamePart(businessKey.Trim())}.csv", MessageHistoryCsv.Header,
                    history.StreamStepsAsync(businessKey.Trim(), CancellationToken.None).Select(MessageHistoryCsv.Row)))
            .RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("Messages").WithName("exportMessages").WithSummary("Every step of a business key's messages, as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "business_key_required");
        app.MapGet("/api/messages", async (string? businessKey, bool? archive, MessageHistoryStore history, HistoryArchive archives, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(businessKey))
            {
                return BusinessKeyRequired();
            }

            var messages = await history.FindAsync(businessKey.Trim(), 200, cancellationToken);
            if (archive != true)
            {
                return Results.Ok(new MessageHistoryList(businessKey.Trim(), [.. messages.Select(ToItem)]));
            }

            // Archived messages are older than any still in the database: they come first, as the list is oldest first.
            var (archived, problems) = await archives.FindAsync(businessKey.Trim(), 200, cancellationToken);
            return Results.Ok(new MessageHistoryList(businessKey.Trim(), [.. archived.Concat(messages).Take(200).Select(ToItem)], problems));
        }).RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("Messages").WithName("findMessages")
            .WithSummary("Every message of a business key (MaHoSo, MaTTHC...) and every step of its life; with archive=true also those archived past retention")
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
        m.TraceId,
        System.Text.Json.JsonDocument.Parse(PersonalDataMask.MaskPayload(m.Payload)).RootElement,
        [.. m.Deliveries.Select(d => new MessageDeliveryItem(
            d.Destination, d.Status, d.Attempts, d.Reference is null ? null : PersonalDataMask.MaskText(d.Reference), d.LastErrorCode, PersonalDataMask.MaskText(d.LastError), d.UpdatedAt))],
        [.. m.Steps.Select(s => new MessageStepItem(s.At, s.Event, s.Destination, PersonalDataMask.MaskText(s.Detail), s.DurationMs, s.ActionId, s.Operator, s.Reason))],
        m.Archived);

    private static IResult BusinessKeyRequired() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Business key required",
            detail: "Give ?businessKey= (MaHoSo, MaTTHC...).", extensions: new Dictionary<string, object?> { ["code"] = "business_key_required" });

    /// <summary>A business key as part of a file name: letters, digits, '.', '-' and '_' kept, the rest '_'.</summary>
    private static string FileNamePart(string key) =>
        new([.. key.Take(80).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
}
