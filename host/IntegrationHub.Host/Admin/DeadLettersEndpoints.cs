using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Admin.Responses;
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
        var group = app.MapGroup("/api/dead-letters").RequireAuthorization(AdminAccessRequirement.PolicyName).WithTags("Dead letters");
        group.MapGet("/", ListAsync)
            .WithName("listDeadLetters").WithSummary("Dead letters by flow, error code, time, business key or destination")
            .Produces<DeadLetterList>();
        app.MapGet("/api/dead-letters.csv", ExportAsync).RequireAuthorization(HubPolicies.Admin)
            .WithTags("Dead letters").WithName("exportDeadLetters").WithSummary("Dead letters by the same filter, as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "invalid_range");
        Action(group.MapPost("/replay", (DeadLetterOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("replay", operations, context, cancellationToken)), "replayDeadLetters", "Replay dead letters (or preview with dryRun), with a reason");
        Action(group.MapPost("/discard", (DeadLetterOperations operations, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync("discard", operations, context, cancellationToken)), "discardDeadLetters", "Discard dead letters (or preview with dryRun), with a reason");
        return app;
    }

    /// <summary>A replay or discard: read strictly, answered with the recorded action or, for a dry run, the preview.</summary>
    private static void Action(RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .RequireAuthorization(HubPolicies.Operator)
        .AddEndpointFilter<CrossSiteRequestFilter>()
        .WithName(name).WithSummary(summary)
        .ReadsJsonBody<DeadLetterActionRequest>()
        .Produces<DeadLetterActionDone>()
        .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            // 200 is the recorded action, or for a dry run the preview: both shapes, told apart by dryRun.
            var done = await ApiDocs.SchemaReferences.ForAsync(context, typeof(DeadLetterActionDone), cancellationToken);
            var preview = await ApiDocs.SchemaReferences.ForAsync(context, typeof(DeadLetterDryRun), cancellationToken);
            operation.Responses!["200"].Content!["application/json"].Schema = new Microsoft.OpenApi.OpenApiSchema { OneOf = [done, preview] };
        })
        .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. AdminJsonBody.BodyCodes, .. DeadLetterOperations.RefusalCodes])
        .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
        .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");

    private static async Task<IResult> ListAsync(
        string? flow, string? errorCode, DateTimeOffset? from, DateTimeOffset? to, string? businessKey, string? destination,
        DeadLetterOperations operations, CancellationToken cancellationToken)
    {
        var selection = new DeadLetterActionRequest(flow, errorCode, from, to, businessKey, destination).Selection;
        var (total, items) = await operations.PreviewAsync(selection, PreviewLimit, cancellationToken);
        return Results.Ok(new DeadLetterList(total, [.. items.Select(ToItem)]));
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
            return Results.Ok(new DeadLetterDryRun(true, action, Math.Min(total, DeadLetterStore.MaxPerAction), [.. items.Select(ToItem)]));
        }

        var operatorName = OperatorName.Of(context);
        var result = action == "replay"
            ? await operations.ReplayAsync(selection, operatorName, request.Reason!, cancellationToken)
            : await operations.DiscardAsync(selection, operatorName, request.Reason!, cancellationToken);
        return Results.Ok(new DeadLetterActionDone(false, action, result.ActionId, result.Count, result.Operator, result.Reason));
    }

    private static DeadLetterItem ToItem(DeadLetter d) => new(
        d.MessageId,
        d.FlowId,
        d.Destination,
        d.RecordKey,
        d.BusinessKey,
        d.ErrorCode,
        PersonalDataMask.MaskText(d.Error),
        d.Attempts,
        d.DeadSince,
        d.WaitingBehind,
        System.Text.Json.JsonDocument.Parse(PersonalDataMask.MaskPayload(d.Payload)).RootElement);
}
