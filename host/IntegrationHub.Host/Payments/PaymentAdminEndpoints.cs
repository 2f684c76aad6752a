using IntegrationHub.Contracts;
using IntegrationHub.Host.Admin;
using IntegrationHub.Host.Observability;

namespace IntegrationHub.Host.Payments;

/// <summary>Admin API of payments: by dossier, one payment, its receipt (GET_BILL), a QUERY pass now, and alerts.</summary>
public static class PaymentAdminEndpoints
{
    public static IEndpointRouteBuilder MapPaymentAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(AdminAccessRequirement.PolicyName);
        group.MapGet("/payments", async (string? maHoSo, PaymentStore store, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(maHoSo)
                ? Results.Problem(statusCode: 400, title: "maHoSo required", detail: "Search payments by dossier: ?maHoSo=...", extensions: new Dictionary<string, object?> { ["code"] = "selection_required" })
                : Results.Ok(await store.ByDossierAsync(maHoSo, ct)));
        group.MapGet("/payments/{maThamChieu}", async (string maThamChieu, PaymentStore store, CancellationToken ct) =>
            await store.FindAsync(maThamChieu, ct) is { } payment ? Results.Ok(payment) : UnknownPayment(maThamChieu));
        group.MapGet("/payments/{maThamChieu}/bill", GetBillAsync);
        group.MapPost("/payments/query-open", async (PaymentService payments, CancellationToken ct) => Results.Ok(await payments.QueryOpenPaymentsAsync(ct)))
            .AddEndpointFilter<CrossSiteRequestFilter>();
        group.MapGet("/alerts", async (AlertStore alerts, CancellationToken ct) => Results.Ok(await alerts.RecentAsync(100, ct)));
        return app;
    }

    private static async Task<IResult> GetBillAsync(string maThamChieu, PaymentStore store, PaymentPlatformAccess platform, CancellationToken cancellationToken)
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
            var bill = await platform.Connector.GetBillAsync(maThamChieu, cancellationToken);
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
