using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Payments;

/// <summary><c>POST /api/payments/init/{partner}</c>: the provincial portal asks for a payment of a dossier's fees; the
/// hub sends INIT to the platform and answers the payment URL. Signed and enveloped like any inbound message
/// (type <c>payment-init</c>); repeating a messageId answers the same payment.</summary>
public static class PaymentInitEndpoint
{
    public static IEndpointRouteBuilder MapPaymentInit(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/init/{partner}", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string partner,
        HttpContext context,
        SignedMessageReader reader,
        NonceStore nonces,
        PaymentService payments,
        IOptions<InboundOptions> options,
        IOptions<PaymentsOptions> paymentOptions,
        CancellationToken cancellationToken)
    {
        IResult Refuse(InboundError error) => InboundProblem.From(error, context, options.Value.RetryAfterSeconds);
        var message = await reader.ReadAsync(context, partner, PaymentsOptions.InitMessageType, keepData: true, cancellationToken);
        if (message.Error is not null)
        {
            return Refuse(message.Error);
        }

        if (PaymentInitData.Read(message.Data, paymentOptions.Value.MaxAmount, out var receipt, out var total) is { } feeError)
        {
            return Refuse(feeError);
        }

        var submission = message.Submission!;
        try
        {
            if (!await nonces.TryUseAsync(new InboundCaller(submission.PartnerId, submission.Nonce), cancellationToken))
            {
                return Refuse(InboundError.NonceReplayed());
            }

            var clientIp = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
            var outcome = await payments.InitAsync(submission, receipt!, total, clientIp, cancellationToken);
            if (outcome.Error is not null)
            {
                return Refuse(outcome.Error);
            }

            var payment = outcome.Payment!;
            return Results.Json(
                new { maThamChieu = payment.MaThamChieu, maHoSo = payment.MaHoSo, soTien = payment.SoTien, urlThanhToan = payment.UrlThanhToan, status = payment.Status },
                statusCode: outcome.Repeated ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        }
        catch (Exception e) when (PaymentService.IsStorageFailure(e))
        {
            return Refuse(InboundError.StorageUnavailable());
        }
    }
}
