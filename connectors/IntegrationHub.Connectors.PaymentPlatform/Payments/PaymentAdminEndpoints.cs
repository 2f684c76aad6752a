using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Admin API of payments: by dossier, one payment, its receipt (GET_BILL), and a QUERY pass now.</summary>
public static class PaymentAdminEndpoints
{
    public static IEndpointRouteBuilder MapPaymentAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(HubPolicies.Admin).WithTags("Payments");
        group.MapGet("/payments", async (string? maHoSo, PaymentStore store, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(maHoSo)
                ? Results.Problem(statusCode: 400, title: "maHoSo required", detail: "Search payments by dossier: ?maHoSo=...", extensions: new Dictionary<string, object?> { ["code"] = "selection_required" })
                : Results.Ok(await store.ByDossierAsync(maHoSo, ct)))
            .WithName("listPayments").WithSummary("Payments of a dossier (MaHoSo)")
            .Produces<IReadOnlyList<PaymentRecord>>()
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "selection_required");
        group.MapGet("/payments/{maThamChieu}", async (string maThamChieu, PaymentStore store, CancellationToken ct) =>
            await store.FindAsync(maThamChieu, ct) is { } payment ? Results.Ok(payment) : UnknownPayment(maThamChieu))
            .WithName("getPayment").WithSummary("One payment by MaThamChieu")
            .Produces<PaymentRecord>()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_payment");
        group.MapGet("/payments/{maThamChieu}/bill", GetBillAsync)
            .WithName("getPaymentBill").WithSummary("The platform's receipt (GET_BILL) of a paid payment, as the platform wrote it")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblemCodes(StatusCodes.Status404NotFound, "unknown_payment")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "payment_not_paid")
            .ProducesProblemCodes(StatusCodes.Status502BadGateway, "bill_unavailable");
        group.MapPost("/payments/query-open", async (PaymentService payments, CancellationToken ct) => Results.Ok(await payments.QueryOpenPaymentsAsync(ct)))
            .RequireAuthorization(HubPolicies.Operator).AddEndpointFilter<CrossSiteRequestFilter>()
            .WithName("queryOpenPayments").WithSummary("A QUERY pass now over open payments 30 minutes to 3 days old")
            .Produces<PaymentQueryRun>();
        return app;
    }

    private static async Task<IResult> GetBillAsync(string maThamChieu, PaymentStore store, [FromKeyedServices(PaymentPlatformConnector.ConnectorId)] PaymentPlatformConnector platform, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(maThamChieu, cancellationToken) is not { } payment)
        {
            return UnknownPayment(maThamChieu);
        }

        if (payment.Status != PaymentRecord.Paid)
        {
            return Results.Problem(statusCode: 409, title: "Not paid", detail: $"Payment {maThamChieu} is {payment.Status}; a receipt exists only for paid payments.",
                extensions: new Dictionary<string, object?> { ["code"] = "payment_not_paid" });
        }

        try
        {
            var bill = await platform.GetBillAsync(maThamChieu, cancellationToken);
            return Results.Text(bill.RawJson, "application/json");
        }
        catch (ConnectorException e)
        {
            return Results.Problem(statusCode: 502, title: "Receipt unavailable", detail: $"GET_BILL failed: {e.Failure.Code} {e.Failure.Message}",
                extensions: new Dictionary<string, object?> { ["code"] = "bill_unavailable" });
        }
    }

    private static IResult UnknownPayment(string maThamChieu) => Results.Problem(statusCode: 404, title: "Unknown payment", detail: $"No payment {maThamChieu}.",
        extensions: new Dictionary<string, object?> { ["code"] = "unknown_payment" });
}
