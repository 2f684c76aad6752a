using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary><c>POST /api/payments/init/{partner}</c>: the provincial portal asks for a payment of a dossier's fees; the
/// hub sends INIT to the platform and answers the payment URL. Signed and enveloped like any inbound message
/// (type <c>payment-init</c>); repeating a messageId answers the same payment.</summary>
public static class PaymentInitEndpoint
{
    public const string Path = "/api/payments/init/{partner}";

    public static IEndpointRouteBuilder MapPaymentInit(this IEndpointRouteBuilder app)
    {
        // The signed-message refusals (credentials, envelope, declared fields) are the hub's, listed by the hub's document.
        app.MapPost(Path, HandleAsync)
            .WithName("initPayment")
            .WithSummary("Ask for a payment of a dossier's fees (message type payment-init)")
            .WithDescription("Signed and enveloped like every push. 201 with the payment URL; the same messageId again answers the same payment with 200.")
            .Produces<PaymentInitAnswer>(StatusCodes.Status201Created)
            .Produces<PaymentInitAnswer>(StatusCodes.Status200OK)
            .ProducesProblemCodes(StatusCodes.Status400BadRequest, "invalid_amount")
            .ProducesProblemCodes(StatusCodes.Status409Conflict, "message_id_conflict")
            .ProducesProblemCodes(StatusCodes.Status502BadGateway, "payment_platform_refused")
            .ProducesProblemCodes(StatusCodes.Status503ServiceUnavailable, "payment_platform_unavailable");
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string partner,
        HttpContext context,
        IHubInbound inbound,
        PaymentService payments,
        IOptions<PaymentsOptions> paymentOptions,
        CancellationToken cancellationToken)
    {
        IResult Refuse(HubProblem problem) => inbound.Refuse(problem, context);
        var read = await inbound.ReadAsync(context, partner, PaymentsOptions.InitMessageType, cancellationToken);
        if (read.Refused)
        {
            return Refuse(read.Problem);
        }

        if (PaymentInitData.Read(read.Message.Data, paymentOptions.Value.MaxAmount, out var receipt, out var total) is { } feeError)
        {
            return Refuse(feeError);
        }

        var message = read.Message;
        try
        {
            if (!await inbound.TryUseNonceAsync(message, cancellationToken))
            {
                return Refuse(HubProblem.NonceReplayed());
            }

            var clientIp = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
            var outcome = await payments.InitAsync(message, receipt!, total, clientIp, cancellationToken);
            if (outcome.Error is not null)
            {
                return Refuse(outcome.Error);
            }

            var payment = outcome.Payment!;
            return Results.Json(
                new PaymentInitAnswer(payment.MaThamChieu, payment.MaHoSo, payment.SoTien, payment.UrlThanhToan, payment.Status),
                statusCode: outcome.Repeated ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        }
        catch (Exception e) when (PaymentService.IsStorageFailure(e))
        {
            return Refuse(HubProblem.StorageUnavailable());
        }
    }
}
