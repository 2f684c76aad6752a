using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>Admin API of the population database: <c>POST /api/citizen-lookups</c> (an officer's own lookup, audited
/// under their name), <c>GET /api/citizen-lookups?dossier=</c> or <c>?personalId=</c> (the audit, ids masked),
/// <c>POST /api/citizen-lookups/{id}/reveal</c> with <c>{"reason"}</c> (the full id, the reveal itself audited) and
/// <c>GET /api/citizen-lookups/{id}/reveals</c>; the audits as CSV downloads (ids masked): <c>GET /api/citizen-lookups.csv?dossier=</c>
/// and <c>GET /api/citizen-lookups/reveals.csv?dossier=</c>.</summary>
public static class CitizenLookupsEndpoints
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;
    private const int MaxBodyBytes = 4096;

    /// <summary>The rule for a reveal's reason, the same from the API and the dashboard's form.</summary>
    public static bool IsAcceptableReason([NotNullWhen(true)] string? reason) => reason?.Length is >= MinReasonLength and <= MaxReasonLength;

    public static IEndpointRouteBuilder MapCitizenLookupsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/citizen-lookups").RequireAuthorization(HubPolicies.Admin).WithTags("Citizen lookups");
        group.MapGet("/", ListAsync)
            .WithName("listCitizenLookups").WithSummary("The lookup audit (personal ids masked), newest first, by dossier or by personal id")
            .Produces<IReadOnlyList<CitizenLookup>>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "invalid_field");
        JsonBody<OfficerLookupRequest>(group.MapPost("/", LookupAsync).RequireAuthorization(HubPolicies.Operator), "invalid_field")
            .WithName("lookUpCitizen").WithSummary("An officer's own lookup in the population database, audited under their name")
            .Produces<OfficerLookupAnswer>()
            .ProducesProblemCodes(StatusCodes.Status502BadGateway, "population_refused")
            .ProducesProblemCodes(StatusCodes.Status503ServiceUnavailable, "population_unavailable");
        JsonBody<RevealRequest>(group.MapPost("/{id:long}/reveal", RevealAsync).RequireAuthorization(HubPolicies.Auditor), "reason_required")
            .WithName("revealCitizenId").WithSummary("The full personal id of a lookup, with a reason (the reveal is audited)")
            .Produces<RevealAnswer>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "lookup_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, PersonalDataUnreadableException.KeyMissing, PersonalDataUnreadableException.Damaged);
        group.MapGet("/{id:long}/reveals", async (long id, CitizenLookupStore store, CancellationToken ct) => Results.Ok(await store.RevealsAsync(id, ct)))
            .WithName("listCitizenIdReveals").WithSummary("Who revealed a lookup's personal id, when and why")
            .Produces<IReadOnlyList<CitizenLookupReveal>>();
        group.MapGet("/reveals.csv", (string? dossier, CitizenLookupStore store, IHubAdminRequests requests) =>
            requests.Csv("citizen-lookup-reveals.csv", CitizenLookupCsv.RevealHeader, store.StreamRevealsAsync(Blank(dossier), CancellationToken.None).Select(CitizenLookupCsv.Reveal)))
            .WithName("exportCitizenIdReveals").WithSummary("The reveal audit, as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        app.MapGet("/api/citizen-lookups.csv", (string? dossier, CitizenLookupStore store, IHubAdminRequests requests) =>
            requests.Csv("citizen-lookups.csv", CitizenLookupCsv.LookupHeader, store.StreamAsync(Blank(dossier), null, CancellationToken.None).Select(CitizenLookupCsv.Lookup)))
            .RequireAuthorization(HubPolicies.Admin)
            .WithTags("Citizen lookups").WithName("exportCitizenLookups").WithSummary("The lookup audit (personal ids masked), as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    /// <summary>An action whose body <see cref="IHubAdminRequests.ReadJsonAsync{T}"/> reads: its refusals beside the endpoint's own 400 codes.</summary>
    private static RouteHandlerBuilder JsonBody<TBody>(RouteHandlerBuilder endpoint, params string[] codes) => endpoint
        .AddEndpointFilter<CrossSiteRequestFilter>()
        .ReadsJsonBody<TBody>()
        .ProducesProblemCodes(StatusCodes.Status400BadRequest, [.. codes, "malformed_json", "invalid_text", "invalid_number", "duplicate_field"])
        .ProducesProblemCodes(StatusCodes.Status413PayloadTooLarge, "body_too_large")
        .ProducesProblemCodes(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type");

    /// <summary>The audit, by dossier or by personal id: an officer's "who looked this citizen up" works through the blind
    /// index (the id itself is stored only encrypted).</summary>
    private static async Task<IResult> ListAsync(string? dossier, string? personalId, int? limit, CitizenLookupStore store, IHubAdminRequests requests, CancellationToken ct)
    {
        var id = Blank(personalId);
        if (id is not null && (id.Length != 12 || !id.All(char.IsAsciiDigit)))
        {
            return requests.Problem(StatusCodes.Status400BadRequest, "invalid_field", "Invalid personal id", "personalId must be the 12-digit personal id.");
        }

        return Results.Ok(await store.RecentAsync(Blank(dossier), Math.Clamp(limit ?? 100, 1, 1000), ct, id));
    }

    private static async Task<IResult> LookupAsync(HttpContext context, AuditedCitizenLookup lookup, IHubAdminRequests requests, ILogger<CitizenLookupStore> logger, CancellationToken cancellationToken)
    {
        var (request, invalid) = await requests.ReadJsonAsync<OfficerLookupRequest>(context, MaxBodyBytes, "{\"soDinhDanh\", \"hoVaTen\", \"ngaySinh\": \"yyyy-MM-dd\", \"maHoSo\"}", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var id = request?.SoDinhDanh?.Trim();
        var name = request?.HoVaTen?.Trim();
        if (id is not { Length: 12 } || !id.All(char.IsAsciiDigit))
        {
            return requests.Problem(StatusCodes.Status400BadRequest, "invalid_field", "Invalid personal id", "soDinhDanh must be the 12-digit personal id.");
        }

        // Both travel in the SOAP request to the population database: text XML cannot carry would fail there, not here.
        if (string.IsNullOrEmpty(name) || name.Length > 100 || !IsPlainText(name))
        {
            return requests.Problem(StatusCodes.Status400BadRequest, "invalid_field", "Invalid name", "hoVaTen is required: at most 100 characters, no control characters.");
        }

        if (request!.MaHoSo is { } maHoSo && (maHoSo.Length > 100 || !IsPlainText(maHoSo)))
        {
            return requests.Problem(StatusCodes.Status400BadRequest, "invalid_field", "Invalid dossier", "maHoSo is at most 100 characters, no control characters.");
        }

        if (!DateOnly.TryParseExact(request.NgaySinh, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            return requests.Problem(StatusCodes.Status400BadRequest, "invalid_field", "Invalid date of birth", "ngaySinh must be a date as yyyy-MM-dd.");
        }

        var user = UserOf(context);
        var dossier = string.IsNullOrWhiteSpace(request.MaHoSo) ? null : request.MaHoSo.Trim();
        var query = new CitizenQuery(id, name, born, MaCanBo: user, MaYeuCau: dossier ?? string.Empty);
        try
        {
            var answer = await lookup.VerifyAsync(new CitizenLookupRequest(query, user, null, null, dossier), cancellationToken);
            logger.LogInformation("Citizen lookup {LookupId} ({SoDinhDanh}) by {User}: {Outcome}", answer.LookupId, PersonalIdMask.Mask(id), user, CitizenCheckPayload.Outcome(answer.Verification.Kind));
            return Results.Ok(new OfficerLookupAnswer(answer.LookupId, PersonalIdMask.Mask(id), JsonDocument.Parse(answer.Result).RootElement));
        }
        catch (ConnectorException e)
        {
            return e.Failure.Kind == FailureKind.Transient
                ? requests.Problem(StatusCodes.Status503ServiceUnavailable, "population_unavailable", "Population database unavailable", $"{e.Failure.Code}: {PersonalDataMask.MaskText(e.Failure.Message)} Try again later.")
                : requests.Problem(StatusCodes.Status502BadGateway, "population_refused", "Population database refused the lookup", $"{e.Failure.Code}: {PersonalDataMask.MaskText(e.Failure.Message)}");
        }
    }

    private static async Task<IResult> RevealAsync(long id, HttpContext context, CitizenLookupStore store, IHubAdminRequests requests, TimeProvider clock, ILogger<CitizenLookupStore> logger, CancellationToken cancellationToken)
    {
        var (request, invalid) = await requests.ReadJsonAsync<RevealRequest>(context, MaxBodyBytes, "{\"reason\": \"...\"}", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var reason = request?.Reason?.Trim();
        if (!IsAcceptableReason(reason))
        {
            return requests.Problem(StatusCodes.Status400BadRequest, "reason_required", "Reason required",
                $"Say why the full personal id is needed ({MinReasonLength} to {MaxReasonLength} characters); the reason is kept with the reveal.");
        }

        var user = UserOf(context);
        string? personalId;
        try
        {
            personalId = await store.RevealAsync(id, user, reason, clock.GetUtcNow(), cancellationToken);
        }
        catch (PersonalDataUnreadableException e)
        {
            // Nothing was revealed, so nothing recorded; the other lookups are not affected.
            logger.LogWarning("Personal id of citizen lookup {LookupId} cannot be revealed: {Code} (key {KeyId})", id, e.Code, e.KeyId);
            return requests.Problem(StatusCodes.Status409Conflict, e.Code, "Personal id cannot be decrypted", $"Citizen lookup #{id}: {e.Message}");
        }

        if (personalId is null)
        {
            return requests.Problem(StatusCodes.Status404NotFound, "lookup_not_found", "No such lookup", $"There is no citizen lookup #{id}.");
        }

        logger.LogInformation("Personal id of citizen lookup {LookupId} revealed to {User}", id, user);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new RevealAnswer(id, personalId, user));
    }

    /// <summary>Text a name or a dossier code can be: characters XML 1.0 carries, and no control characters.</summary>
    private static bool IsPlainText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(text[i]) || char.IsControl(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string UserOf(HttpContext context) => $"admin:{OperatorName.Of(context)}";
}
