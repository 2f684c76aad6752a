using IntegrationHub.Contracts;
using System.Globalization;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Evidence;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Admin;

/// <summary><c>GET /api/evidence?businessKey=</c> or <c>?day=yyyy-MM-dd</c>: the evidence bundle (a zip, README
/// "Evidence bundle format") of a business key's events or of a local day's, proved to a signed head.</summary>
public static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/evidence", async (string? businessKey, string? day, EvidenceExporter exporter, IOptions<HubOptions> options, CancellationToken cancellationToken) =>
        {
            var key = string.IsNullOrWhiteSpace(businessKey) ? null : businessKey.Trim();
            if ((key is null) == string.IsNullOrWhiteSpace(day))
            {
                return Problem(StatusCodes.Status400BadRequest, key is null ? "evidence_subject_required" : "evidence_subject_ambiguous",
                    "Give either ?businessKey= or ?day=yyyy-MM-dd", "A bundle proves the events of one business key or of one local day.");
            }

            DateOnly? date = null;
            if (key is null)
            {
                if (!DateOnly.TryParseExact(day!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return Problem(StatusCodes.Status400BadRequest, "invalid_day", "Invalid day", $"'{day}' is not a date written yyyy-MM-dd.");
                }

                date = parsed;
            }
            else if (key.Length > 200)
            {
                return Problem(StatusCodes.Status400BadRequest, "business_key_too_long", "Business key too long", "A business key has at most 200 characters.");
            }

            if (!options.Value.Evidence.Enabled)
            {
                return Problem(StatusCodes.Status409Conflict, "evidence_disabled", "Evidence log disabled", "Hub:Evidence:Enabled is false: no head can be signed for an export.");
            }

            // Written to a temporary file first: a bundle can be large, and its status (404) is known only once read.
            var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                if (await exporter.ExportAsync(key, date, file, cancellationToken) == 0)
                {
                    await file.DisposeAsync();
                    return Problem(StatusCodes.Status404NotFound, "evidence_not_found", "No evidence",
                        key is null ? $"No linked event on {date:yyyy-MM-dd}." : $"No linked event of business key '{key}'.");
                }

                file.Position = 0;
                var name = key is null ? $"evidence-{date:yyyy-MM-dd}.zip" : $"evidence-{new string([.. key.Take(80).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')])}.zip";
                return Results.File(file, "application/zip", name);
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        }).RequireAuthorization(AdminAccessRequirement.PolicyName)
            .WithTags("Evidence").WithName("exportEvidence")
            .WithSummary("The evidence bundle of a business key or a local day: its events alone, each with its inclusion proof into a signed head; the heads, their signatures and public keys")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "evidence_subject_required", "evidence_subject_ambiguous", "invalid_day", "business_key_too_long")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "evidence_not_found")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "evidence_disabled");
        return app;
    }

    private static IResult Problem(int status, string code, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
