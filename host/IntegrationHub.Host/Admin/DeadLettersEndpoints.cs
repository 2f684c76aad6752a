using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/dead-letters</c> (and <c>.csv</c>, the same filter), <c>POST /api/dead-letters/replay</c>,
/// <c>POST /api/dead-letters/discard</c>.</summary>
public static class DeadLettersEndpoints
{
    private const int PreviewLimit = 500;
    private const int MaxBodyBytes = 64 * 1024;
    private const string ActionShape = "{\"flow\", \"errorCode\", \"from\", \"to\", \"businessKey\", \"destination\", \"messageIds\": [...], \"dryRun\", \"reason\"}";

    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dead-letters").RequireAuthorization(AdminAccessRequirement.PolicyName);
        group.MapGet("/", ListAsync);
        app.MapGet("/api/dead-letters.csv", ExportAsync).RequireAuthorization(HubPolicies.Admin);
        group.MapPost("/replay", (DeadLetterOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("replay", operations, context, cancellationToken)).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>();
        group.MapPost("/discard", (DeadLetterOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("discard", operations, context, cancellationToken)).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>();
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? flow, string? errorCode, DateTimeOffset? from, DateTimeOffset? to, string? businessKey, string? destination,
        DeadLetterOperations operations, CancellationToken cancellationToken)
    {
        var selection = new DeadLetterActionRequest(flow, errorCode, from, to, businessKey, destination).Selection;
        var (total, items) = await operations.PreviewAsync(selection, PreviewLimit, cancellationToken);
        return Results.Ok(new { total, items = items.Select(ToJson) });
    }

    /// <summary>Every dead letter the filter matches (no filter: all), streamed as CSV; errors masked as on screen.</summary>
    private static IResult ExportAsync(
        string? flow, string? errorCode, DateTimeOffset? from, DateTimeOffset? to, string? businessKey, string? destination, DeadLetterStore store)
    {
        var selection = new DeadLetterActionRequest(flow, errorCode, from, to, businessKey, destination).Selection;
        if (selection.From >= selection.To)
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, "invalid_range", "Request refused", "'from' must be before 'to'.");
        }

        return new CsvDownload("dead-letters.csv", DeadLetterCsv.Header, store.StreamAsync(selection, CancellationToken.None).Select(DeadLetterCsv.Row));
    }

    private static async Task<IResult> ActAsync(string action, DeadLetterOperations operations, HttpContext context, CancellationToken cancellationToken)
    {
        // Read strictly: a misspelt criterion silently ignored would widen a replay or discard.
        var (request, invalid) = await AdminJsonBody.ReadAsync<DeadLetterActionRequest>(context, MaxBodyBytes, ActionShape, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (request is null)
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, "malformed_json", "Malformed request", $"Send {ActionShape}.");
        }

        var selection = request.Selection;
        if (DeadLetterOperations.Refusal(selection, request.Reason, request.DryRun) is { } refusal)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Request refused", detail: refusal.Message,
                extensions: new Dictionary<string, object?> { ["code"] = refusal.Code });
        }

        if (request.DryRun)
        {
            var (total, items) = await operations.PreviewAsync(selection, PreviewLimit, cancellationToken);
            return Results.Ok(new { dryRun = true, action, wouldAffect = Math.Min(total, DeadLetterStore.MaxPerAction), items = items.Select(ToJson) });
        }

        var operatorName = OperatorName.Of(context);
        var result = action == "replay"
            ? await operations.ReplayAsync(selection, operatorName, request.Reason!, cancellationToken)
            : await operations.DiscardAsync(selection, operatorName, request.Reason!, cancellationToken);
        return Results.Ok(new { dryRun = false, action, actionId = result.ActionId, affected = result.Count, @operator = result.Operator, reason = result.Reason });
    }

    private static object ToJson(DeadLetter d) => new
    {
        messageId = d.MessageId,
        flow = d.FlowId,
        destination = d.Destination,
        recordKey = d.RecordKey,
        businessKey = d.BusinessKey,
        errorCode = d.ErrorCode,
        error = PersonalDataMask.MaskText(d.Error),
        attempts = d.Attempts,
        deadSince = d.DeadSince,
        waitingBehind = d.WaitingBehind,
        payload = System.Text.Json.JsonDocument.Parse(PersonalDataMask.MaskPayload(d.Payload)).RootElement,
    };
}
