using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>The test and demo control surface under /sandbox (never faulted, no auth: it listens on loopback only).
/// Unknown payments answer 404, settling a settled payment the other way 409. Stats and faults are the sandbox base's.</summary>
internal static class SandboxControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SandboxPaymentStore store, SandboxSettler settler, SandboxCallbackSender sender, SandboxStatement statement)
    {
        var control = app.MapGroup("/sandbox");

        control.MapGet("/payments", () => Json(store.All()));
        control.MapGet("/payments/{maThamChieu}", (string maThamChieu) =>
            store.Find(maThamChieu) is { } payment ? Json(payment) : Results.NotFound());
        control.MapPost("/payments/{maThamChieu}/pay", (string maThamChieu, bool? callback, CancellationToken ct) =>
            Guard(async () => Json(await settler.SettleAsync(maThamChieu, paid: true, callback ?? true, ct))));
        control.MapPost("/payments/{maThamChieu}/fail", (string maThamChieu, bool? callback, CancellationToken ct) =>
            Guard(async () => Json(await settler.SettleAsync(maThamChieu, paid: false, callback ?? true, ct))));
        control.MapPost("/payments/{maThamChieu}/callback", (string maThamChieu, CancellationToken ct) =>
            Guard(async () => Json(await settler.ResendAsync(maThamChieu, ct))));
        control.MapGet("/payments/{maThamChieu}/callback", (string maThamChieu) =>
            Guard(() => Task.FromResult(Json(settler.SignedCallback(maThamChieu)))));
        control.MapGet("/callbacks", () => Json(sender.Log()));

        control.MapPost("/statement/lines", async (HttpContext context) =>
        {
            PaymentStatementLine? line;
            try
            {
                line = await JsonSerializer.DeserializeAsync<PaymentStatementLine>(context.Request.Body, PaymentJson.Options, context.RequestAborted);
            }
            catch (JsonException)
            {
                line = null;
            }

            if (line is null || string.IsNullOrWhiteSpace(line.MaThamChieu) || !PaymentTime.TryParse(line.ThoiGianGD, out _))
            {
                return Results.BadRequest(new { problems = new[] { "body must be a statement line {MaThamChieu, MaGiaoDich, SoTien, TrangThaiGD, ThoiGianGD (yyyyMMddHHmmss)}" } });
            }

            statement.Plant(line);
            return Results.NoContent();
        });
        control.MapDelete("/statement/lines/{maThamChieu}", (string maThamChieu) =>
        {
            statement.Drop(maThamChieu);
            return Results.NoContent();
        });
        control.MapPut("/statement/lines/{maThamChieu}/amount", (string maThamChieu, long soTien) =>
        {
            statement.AlterAmount(maThamChieu, soTien);
            return Results.NoContent();
        });
        control.MapPut("/statement/lines/{maThamChieu}/status", (string maThamChieu, int trangThaiGD) =>
        {
            if (!Enum.IsDefined((PaymentStatus)trangThaiGD))
            {
                return Results.BadRequest(new { problems = new[] { "trangThaiGD must be 1, 3 or 4" } });
            }

            statement.AlterStatus(maThamChieu, (PaymentStatus)trangThaiGD);
            return Results.NoContent();
        });
    }

    private static IResult Json<T>(T value) => Results.Json(value, PaymentJson.Options);

    private static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (KeyNotFoundException ex)
        {
            return Results.NotFound(new { problems = new[] { ex.Message } });
        }
        catch (InvalidOperationException ex)
        {
            return Results.Conflict(new { problems = new[] { ex.Message } });
        }
    }
}
