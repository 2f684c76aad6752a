using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/messages?businessKey=</c>: every message of a business key and every step of its life, personal ids
/// masked; <c>GET /api/messages.csv?businessKey=</c>: the same steps as a CSV download, one line per step.</summary>
public static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/messages.csv", (string? businessKey, MessageHistoryStore history) =>
            string.IsNullOrWhiteSpace(businessKey)
                ? BusinessKeyRequired()
                : new CsvDownload($"messages-{FileNamePart(businessKey.Trim())}.csv", MessageHistoryCsv.Header,
                    history.StreamStepsAsync(businessKey.Trim(), CancellationToken.None).Select(MessageHistoryCsv.Row)))
            .RequireAuthorization(AdminAccessRequirement.PolicyName);
        app.MapGet("/api/messages", async (string? businessKey, MessageHistoryStore history, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(businessKey))
            {
                return BusinessKeyRequired();
            }

            var messages = await history.FindAsync(businessKey.Trim(), 200, cancellationToken);
            return Results.Ok(new
            {
                businessKey = businessKey.Trim(),
                messages = messages.Select(m => new
                {
                    messageId = m.MessageId,
                    flow = m.FlowId,
                    recordKey = m.RecordKey,
                    version = m.Version,
                    receivedAt = m.ReceivedAt,
                    traceId = m.TraceId,
                    payload = System.Text.Json.JsonDocument.Parse(PersonalDataMask.MaskPayload(m.Payload)).RootElement,
                    deliveries = m.Deliveries.Select(d => new { destination = d.Destination, status = d.Status, attempts = d.Attempts, reference = d.Reference is null ? null : PersonalDataMask.MaskText(d.Reference), lastErrorCode = d.LastErrorCode, lastError = PersonalDataMask.MaskText(d.LastError), updatedAt = d.UpdatedAt }),
                    steps = m.Steps.Select(s => new { at = s.At, @event = s.Event, destination = s.Destination, detail = PersonalDataMask.MaskText(s.Detail), durationMs = s.DurationMs, actionId = s.ActionId, @operator = s.Operator, reason = s.Reason }),
                }),
            });
        }).RequireAuthorization(AdminAccessRequirement.PolicyName);
        return app;
    }

    private static IResult BusinessKeyRequired() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Business key required",
            detail: "Give ?businessKey= (MaHoSo, MaTTHC...).", extensions: new Dictionary<string, object?> { ["code"] = "business_key_required" });

    /// <summary>A business key as part of a file name: letters, digits, '.', '-' and '_' kept, the rest '_'.</summary>
    private static string FileNamePart(string key) =>
        new([.. key.Take(80).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
}
