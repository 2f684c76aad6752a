using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Inbound;
using IntegrationHub.Contracts.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary><c>POST /api/payments/callback</c>: the platform's anonymous result call. Trusted only through MaXacThuc
/// (verified in constant time); answered in the platform's shape <c>{MaLoi, MoTaLoi, MaDoiTac, ThoiGianGD, MaXacThuc}</c>,
/// MaLoi "00" once the result is durable. A repeat is answered "00" again and changes nothing. Reply texts are fixed:
/// nothing from the request is signed back.</summary>
public static class PaymentCallbackEndpoint
{
    public const string Path = "/api/payments/callback";

    private static readonly JsonSerializerOptions CallbackJson = new(JsonSerializerOptions.Default)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // A null where the callback declares text ("MaLoi": null) is a malformed message, refused here, not a
        // NullReferenceException (500) in whatever reads the field next.
        RespectNullableAnnotations = true,
    };

    public static IEndpointRouteBuilder MapPaymentCallback(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync)
            .WithTags("Payment platform").WithName("paymentCallback")
            .WithSummary("The payment platform's result call (anonymous; trusted through MaXacThuc)")
            .WithDescription("Answered in the platform's shape, not problem+json: MaLoi `00` once the result is durable (also for a repeat), " +
                "`01` malformed or mismatching (400/409), `02` wrong MaXacThuc (401), `03` wrong MaDoiTac (401), `05` unknown MaThamChieu (404), " +
                "`99` database unavailable (503, Retry-After).")
            .ReadsJsonBody<PaymentCallback>()
            .Produces<PaymentCallbackReply>()
            .Produces<PaymentCallbackReply>(StatusCodes.Status400BadRequest)
            .Produces<PaymentCallbackReply>(StatusCodes.Status401Unauthorized)
            .Produces<PaymentCallbackReply>(StatusCodes.Status404NotFound)
            .Produces<PaymentCallbackReply>(StatusCodes.Status409Conflict)
            .Produces<PaymentCallbackReply>(StatusCodes.Status413PayloadTooLarge)
            .Produces<PaymentCallbackReply>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, PaymentService payments, IHubInbound inbound, [FromKeyedServices(PaymentPlatformConnector.ConnectorId)] PaymentPlatformConnector connector, IOptions<PaymentsOptions> options, ILoggerFactory loggers)
    {
        IResult Reply(int status, string maLoi, string moTaLoi) => Results.Json(connector.CreateReply(maLoi, moTaLoi), JsonSerializerOptions.Default, statusCode: status);

        if (await inbound.ReadBodyAsync(context.Request, options.Value.CallbackMaxBodyBytes, context.RequestAborted) is not { } body)
        {
            return Reply(StatusCodes.Status413PayloadTooLarge, PaymentErrorCodes.InvalidField, $"The body exceeds {options.Value.CallbackMaxBodyBytes} bytes.");
        }

        // The text is checked like every body; it is read as sent, because MaXacThuc covers the fields as the platform wrote them.
        if (JsonTextInspector.Inspect(body, JsonTextInspector.DefaultMaxDepth, out _) is { Code: not JsonTextProblem.MalformedJson })
        {
            return Reply(StatusCodes.Status400BadRequest, PaymentErrorCodes.InvalidField, "Bản tin chứa ký tự không hợp lệ (invalid_text: invalid UTF-8, \\u0000 or an unpaired surrogate) hoặc trường lặp (or a field twice).");
        }

        PaymentCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize<PaymentCallback>(body, CallbackJson);
        }
        catch (JsonException)
        {
            // Never echo the request in a signed reply: its text must not choose what the hub signs.
            return Reply(StatusCodes.Status400BadRequest, PaymentErrorCodes.InvalidField, "Bản tin không hợp lệ (malformed message or unknown field).");
        }

        if (callback is null)
        {
            return Reply(StatusCodes.Status400BadRequest, PaymentErrorCodes.InvalidField, "Bản tin rỗng (empty message).");
        }

        var verdict = connector.Verify(callback);
        if (!verdict.Accepted)
        {
            loggers.CreateLogger(typeof(PaymentCallbackEndpoint)).LogWarning(
                "Payment callback for {MaThamChieu} refused: {Code}", callback.MaThamChieu, verdict.Code);
            return verdict.Code switch
            {
                CallbackVerdict.BadHashCode => Reply(StatusCodes.Status401Unauthorized, PaymentErrorCodes.BadHash, "Sai mã xác thực (MaXacThuc does not match)."),
                CallbackVerdict.WrongPartnerCode => Reply(StatusCodes.Status401Unauthorized, PaymentErrorCodes.UnknownPartner, "Sai mã đối tác (MaDoiTac)."),
                _ => Reply(StatusCodes.Status400BadRequest, PaymentErrorCodes.InvalidField, "Thiếu hoặc sai trường dữ liệu (missing or malformed field)."),
            };
        }

        var paid = callback.MaLoi == PaymentErrorCodes.Success;
        SettleOutcome outcome;
        try
        {
            outcome = await payments.SettleAsync(
                new PaymentSettlement(callback.MaThamChieu, paid, callback.SoTien, StorableText.Nfc(callback.MaGiaoDich), StorableText.Nfc(callback.MaNganHang), callback.ThoiGianGD, "callback"),
                context.RequestAborted);
        }
        catch (Exception e) when (PaymentService.IsStorageFailure(e))
        {
            context.Response.Headers.RetryAfter = "30";
            return Reply(StatusCodes.Status503ServiceUnavailable, PaymentErrorCodes.SystemError, "Hệ thống tạm thời không lưu được kết quả; vui lòng gửi lại (retry later).");
        }

        return outcome switch
        {
            SettleOutcome.Settled or SettleOutcome.Unchanged => Reply(StatusCodes.Status200OK, PaymentErrorCodes.Success, "Thành công"),
            SettleOutcome.Unknown => Reply(StatusCodes.Status404NotFound, PaymentErrorCodes.NotFound, "Không tìm thấy giao dịch (unknown MaThamChieu)."),
            SettleOutcome.AmountMismatch => Reply(StatusCodes.Status409Conflict, PaymentErrorCodes.InvalidField, "Số tiền không khớp với giao dịch (SoTien differs from the payment)."),
            _ => Reply(StatusCodes.Status409Conflict, PaymentErrorCodes.InvalidField, "Giao dịch đã thanh toán; không thể ghi nhận thất bại (already paid)."),
        };
    }
}
