using System.Globalization;
using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Admin API of reconciliations: list, one run (JSON or CSV download), and run a day now.</summary>
public static class ReconciliationEndpoints
{
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reconciliations").RequireAuthorization(HubPolicies.Admin).WithTags("Reconciliations");
        group.MapGet("/", async (ReconciliationStore store, CancellationToken ct) => Results.Ok(await store.RecentAsync(50, ct)))
            .WithName("listReconciliations").WithSummary("The latest 50 reconciliation runs with counts per kind")
            .Produces<IReadOnlyList<ReconciliationSummary>>();
        group.MapGet("/{id:long}", async (long id, ReconciliationStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } report ? Results.Ok(report) : NotFound(id))
            .WithName("getReconciliation").WithSummary("One reconciliation run and its lines")
            .Produces<ReconciliationReport>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_reconciliation");
        group.MapGet("/{id:long}/csv", async (long id, ReconciliationStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } report
                ? Results.File(ReconciliationCsv.Write(report), "text/csv; charset=utf-8", $"doi-soat-{report.Day:yyyy-MM-dd}-{report.Id}.csv")
                : NotFound(id))
            .WithName("getReconciliationCsv").WithSummary("One reconciliation run as CSV (UTF-8 with BOM)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_reconciliation");
        group.MapPost("/run", RunAsync).RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>()
            .WithName("runReconciliation").WithSummary("Reconcile a local day now (default yesterday)")
            .Produces<ReconciliationReport>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "invalid_day")
            .ProducesProblemCodes(StatusCodes.Status502BadGateway, "statement_unavailable");
        return app;
    }

    private static async Task<IResult> RunAsync(string? day, Reconciler reconciler, IOptions<PaymentsOptions> options, TimeProvider timeProvider, HttpContext context, CancellationToken cancellationToken)
    {
        DateOnly date;
        if (day is null)
        {
            date = PaymentDays.Yesterday(timeProvider, options.Value.TimeZone);
        }
        else if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return Results.Problem(statusCode: 400, title: "Bad day", detail: "day must be yyyy-MM-dd (a local date).",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_day" });
        }

        try
        {
            var report = await reconciler.ReconcileAsync(date, $"admin:{OperatorName.Of(context)}", cancellationToken);
            return Results.Ok(report);
        }
        catch (ConnectorException e)
        {
            return Results.Problem(statusCode: 502, title: "Statement unavailable", detail: $"The payment platform's statement could not be read: {e.Failure.Code} {e.Failure.Message}",
                extensions: new Dictionary<string, object?> { ["code"] = "statement_unavailable" });
        }
    }

    private static IResult NotFound(long id) => Results.Problem(statusCode: 404, title: "Unknown reconciliation", detail: $"No reconciliation {id}.",
        extensions: new Dictionary<string, object?> { ["code"] = "unknown_reconciliation" });
}
