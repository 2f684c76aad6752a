using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.PaymentPlatform.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>The platform's HTTP surface: <c>POST /api/payment</c> (INIT, QUERY, GET_BILL by LoaiBanTin),
/// <c>GET /api/statement</c> (designed), and the payer's page <c>GET /pay/{token}</c> with pay / cancel buttons.</summary>
internal static class SandboxProtocolEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SandboxProtocol protocol, SandboxPaymentStore store, SandboxSettler settler, Func<Uri> baseAddress)
    {
        app.MapPost("/api/payment", async (HttpContext context) =>
        {
            JsonObject? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, PaymentJson.Options, context.RequestAborted);
            }
            catch (JsonException)
            {
                body = null;
            }

            if (body is null)
            {
                return Results.Json(new PaymentReply { MaLoi = PaymentErrorCodes.InvalidField, MoTaLoi = "The body must be a JSON object." }, PaymentJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }

            var reply = protocol.Handle(body, token => new Uri(baseAddress(), $"pay/{token}").ToString());
            return Results.Json(reply, PaymentJson.Options);
        });

        app.MapGet("/api/statement", (string? PhienBan, string? MaDoiTac, string? Ngay, string? MaXacThuc) =>
            Results.Json(protocol.Statement(PhienBan, MaDoiTac, Ngay, MaXacThuc), PaymentJson.Options));

        app.MapGet("/pay/{token}", (string token) =>
            store.TryFindByToken(token, out var payment) ? Results.Content(PayPage(token, payment), "text/html; charset=utf-8") : Results.NotFound());

        // Two routes rather than a regex constraint: the slim sandbox host does not register regex constraints.
        app.MapPost("/pay/{token}/confirm", (string token, CancellationToken ct) => SettleFromPageAsync(store, settler, token, paid: true, ct));
        app.MapPost("/pay/{token}/cancel", (string token, CancellationToken ct) => SettleFromPageAsync(store, settler, token, paid: false, ct));
    }

    private static async Task<IResult> SettleFromPageAsync(SandboxPaymentStore store, SandboxSettler settler, string token, bool paid, CancellationToken ct)
    {
        if (!store.TryFindByToken(token, out var payment))
        {
            return Results.NotFound();
        }

        try
        {
            var settlement = await settler.SettleAsync(payment.MaThamChieu, paid, sendCallback: true, ct);
            return Results.Content(ResultPage(settlement), "text/html; charset=utf-8");
        }
        catch (InvalidOperationException ex)
        {
            return Results.Conflict(ex.Message);
        }
    }

    private static string PayPage(string token, PaymentPlatformSandboxPayment p) =>
        $"""
        <!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thanh toán (sandbox)</title>
        <h1>Thanh toán {p.SoTien:N0} VND</h1>
        <p>Mã tham chiếu: {Enc(p.MaThamChieu)}<br>{Enc(p.ThongTinGiaoDich)}<br>Trạng thái: {p.Status}</p>
        <form method="post" action="/pay/{token}/confirm"><button>Thanh toán</button></form>
        <form method="post" action="/pay/{token}/cancel"><button>Hủy</button></form>
        </html>
        """;

    private static string ResultPage(SandboxSettlement s) =>
        $"""
        <!doctype html><html lang="vi"><meta charset="utf-8"><title>Kết quả</title>
        <h1>{(s.Payment.Status == PaymentStatus.Success ? "Thanh toán thành công" : "Thanh toán không thành công")}</h1>
        <p>Mã giao dịch: {Enc(s.Payment.MaGiaoDich)}<br>Callback: HTTP {s.Delivery?.HttpStatus} {Enc(s.Delivery?.Reply?.MaLoi)} {Enc(s.Delivery?.Error)}</p>
        </html>
        """;

    private static string Enc(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
