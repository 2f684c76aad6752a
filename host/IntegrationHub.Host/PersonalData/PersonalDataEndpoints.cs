using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.Http;

namespace IntegrationHub.Host.PersonalData;

/// <summary><c>POST /api/personal-data/reencrypt</c> with <c>{"reason"}</c>: rotation of the personal-data key, queued as
/// a Hangfire job (<see cref="PersonalDataReencryptJob"/>): every stored personal id not under
/// <c>Hub:PersonalData:CurrentKey</c> (lookup audit, message and inbox payloads) is re-encrypted under it, in batches;
/// rows whose key is missing are left and counted. One at a time; recorded as an operator action when done. Safe to
/// repeat. <c>GET /api/personal-data/reencrypt/{jobId}</c>: its state and outcome.</summary>
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
            .WithSummary("Queue the re-encryption of the stored personal ids under the current key (rotation), with a reason")
            .Produces<PersonalDataReencryptAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. AdminJsonBody.BodyCodes, .. FlowPauseOperations.RefusalCodes])
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PersonalDataReencryptQueue.RunningCode)
            .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
            .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");
        app.MapGet("/api/personal-data/reencrypt/{jobId:long}", JobAsync)
            .RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("Personal data").WithName("getPersonalDataReencryption")
            .WithSummary("A re-encryption job: its state (queued, running, succeeded, failed) and, once done, what it re-encrypted")
            .Produces<PersonalDataReencryptView>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, UnknownJobCode);
        return app;
    }

    /// <summary>The 404 code of a job id that is no re-encryption job.</summary>
    public const string UnknownJobCode = "unknown_reencrypt_job";

    public static string JobPath(string jobId) => $"/api/personal-data/reencrypt/{Uri.EscapeDataString(jobId)}";

    private static async Task<IResult> ReencryptAsync(HttpContext context, PersonalDataReencryptQueue queue, CancellationToken cancellationToken)
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

        var (queued, running) = queue.Queue(OperatorName.Of(context), request!.Reason!.Trim());
        if (queued is null)
        {
            var extensions = new Dictionary<string, object?> { ["code"] = PersonalDataReencryptQueue.RunningCode };
            if (running is not null)
            {
                extensions["jobId"] = running;
                extensions["job"] = JobPath(running);
            }

            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Re-encryption already queued or running",
                detail: $"A re-encryption of the personal data is queued or running{(running is null ? "" : $" (job {running})")}; the hub runs one at a time.", extensions: extensions);
        }

        var path = JobPath(queued);
        return Results.Accepted(path, new PersonalDataReencryptAccepted(queued, "queued", path));
    }

    private static async Task<IResult> JobAsync(string jobId, PersonalDataReencryptQueue queue, CancellationToken cancellationToken) =>
        await queue.FindAsync(jobId, cancellationToken) is { } job
            ? Results.Ok(job)
            : AdminJsonBody.Problem(StatusCodes.Status404NotFound, UnknownJobCode, "Unknown re-encryption job", $"Job {jobId} is no re-encryption of the personal data this hub knows.");
}
