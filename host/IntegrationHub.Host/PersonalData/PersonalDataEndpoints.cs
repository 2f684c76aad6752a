using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.Http;

namespace IntegrationHub.Host.PersonalData;

/// <summary><c>POST /api/personal-data/reencrypt</c> with <c>{"reason"}</c>: rotation of the personal-data key. Every
/// stored personal id not under <c>Hub:PersonalData:CurrentKey</c> (lookup audit, message and inbox payloads) is
/// re-encrypted under it, in batches; rows whose key is missing are left and counted. Recorded as an operator action. Safe to repeat.</summary>
public static class PersonalDataEndpoints
{
    private const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/personal-data/reencrypt", ReencryptAsync)
            .RequireAuthorization(HubPolicies.Operator)
            .AddEndpointFilter<CrossSiteRequestFilter>()
            .ReadsJsonBody<PersonalDataReencryptRequest>()
            .WithTags("Personal data").WithName("reencryptPersonalData")
            .WithSummary("Re-encrypt the stored personal ids under the current key (rotation), with a reason")
            .Produces<PersonalDataReencryptResponse>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. AdminJsonBody.BodyCodes, .. FlowPauseOperations.RefusalCodes])
            .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
            .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");
        return app;
    }

    private static async Task<IResult> ReencryptAsync(HttpContext context, PersonalDataRewriter rewriter, CancellationToken cancellationToken)
    {
        var (request, invalid) = await AdminJsonBody.ReadAsync<PersonalDataReencryptRequest>(context, MaxBodyBytes, "{\"reason\": \"...\"}", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (FlowPauseOperations.Refusal(request?.Reason) is { } refusal)
        {
            return AdminJsonBody.Problem(StatusCodes.Status400BadRequest, refusal.Code, "Request refused", refusal.Message);
        }

        var (rewrite, actionId) = await rewriter.ReencryptAsync(OperatorName.Of(context), request!.Reason!.Trim(), cancellationToken);
        return Results.Ok(new PersonalDataReencryptResponse(actionId, rewrite.CurrentKey, rewrite.Rewritten, rewrite.Unreadable, rewrite.Payloads));
    }
}
