using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

/// <summary>The HTTP control surface the running demo uses, and the auto-pay demo mode.</summary>
public sealed class PaymentSandboxControlTests
{
    [Fact]
    public async Task Pay_over_http_settles_and_reports_the_callback()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(rig.Connector());
        rig.Options.CallbackUrl = receiver.Url.ToString();
        await rig.CreatePaymentAsync("CT-001");

        using var response = await rig.Http.PostAsync(new Uri(rig.BaseAddress, "sandbox/payments/CT-001/pay?callback=true"), null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.RootElement.GetProperty("Payment").GetProperty("Status").GetInt32());
        Assert.Equal("00", body.RootElement.GetProperty("Delivery").GetProperty("Reply").GetProperty("MaLoi").GetString());
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task The_payer_page_confirm_button_pays_and_calls_back()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(rig.Connector());
        rig.Options.CallbackUrl = receiver.Url.ToString();
        var init = await rig.Connector().InitAsync(PaymentRequests.For("CT-010"), CancellationToken.None);

        using var response = await rig.Http.PostAsync(init.UrlThanhToan + "/confirm", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentStatus.Success, rig.Sandbox.Find("CT-010")!.Status);
        Assert.True(Assert.Single(receiver.Received).Verdict.Accepted);
    }

    [Fact]
    public async Task Control_endpoints_answer_404_for_unknown_and_409_for_contradicting_settlements()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("CT-002");
        await rig.Sandbox.PayAsync("CT-002", sendCallback: false);

        using var unknown = await rig.Http.PostAsync(new Uri(rig.BaseAddress, "sandbox/payments/NOPE/pay"), null);
        using var contradicting = await rig.Http.PostAsync(new Uri(rig.BaseAddress, "sandbox/payments/CT-002/fail?callback=false"), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, contradicting.StatusCode);
    }

    [Fact]
    public async Task The_signed_callback_can_be_fetched_without_sending_it()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("CT-003");
        using var pending = await rig.Http.GetAsync(new Uri(rig.BaseAddress, "sandbox/payments/CT-003/callback"));
        await rig.Sandbox.PayAsync("CT-003", sendCallback: false);

        var callback = await rig.Http.GetFromJsonAsync<PaymentCallback>(new Uri(rig.BaseAddress, "sandbox/payments/CT-003/callback"), JsonSerializerOptions.Default);

        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.True(rig.Connector().Verify(callback!).Accepted);
        Assert.Empty(rig.Sandbox.CallbackDeliveries());
    }

    [Fact]
    public async Task Statement_planting_over_http()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("CT-004", 10_000);
        await rig.CreatePaymentAsync("CT-005", 20_000);
        await rig.Sandbox.PayAsync("CT-004", sendCallback: false);
        await rig.Sandbox.PayAsync("CT-005", sendCallback: false);

        using var amount = await rig.Http.PutAsync(new Uri(rig.BaseAddress, "sandbox/statement/lines/CT-004/amount?soTien=9000"), null);
        using var status = await rig.Http.PutAsync(new Uri(rig.BaseAddress, "sandbox/statement/lines/CT-004/status?trangThaiGD=4"), null);
        using var drop = await rig.Http.DeleteAsync(new Uri(rig.BaseAddress, "sandbox/statement/lines/CT-005"));
        using var plant = await rig.Http.PostAsync(
            new Uri(rig.BaseAddress, "sandbox/statement/lines"),
            JsonContent.Create(new PaymentStatementLine("CT-999", "GD-9", 5, PaymentStatus.Success, "20261128120000"), options: JsonSerializerOptions.Default));
        var lines = await rig.Connector().GetStatementAsync(new DateOnly(2026, 11, 28), CancellationToken.None);

        Assert.All(new[] { amount, status, drop, plant }, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(
            [("CT-004", 9_000L, PaymentStatus.Failed), ("CT-999", 5L, PaymentStatus.Success)],
            lines.Select(l => (l.MaThamChieu, l.SoTien, l.TrangThaiGD)).OrderBy(l => l.MaThamChieu, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Faults_can_be_switched_over_http()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        using var put = await rig.Http.PutAsync(new Uri(rig.BaseAddress, "sandbox/faults"), JsonContent.Create(new { failureRate = 1.0, serverErrorWeight = 1, tooManyRequestsWeight = 0, timeoutWeight = 0 }));
        using var faulted = await rig.Http.PostAsync(new Uri(rig.BaseAddress, "api/payment"), JsonContent.Create(new { LoaiBanTin = "QUERY" }));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_400_with_the_platform_shape()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        using var response = await rig.Http.PostAsync(new Uri(rig.BaseAddress, "api/payment"), new StringContent("not json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("01", body.RootElement.GetProperty("MaLoi").GetString());
    }

    [Fact]
    public async Task Auto_pay_settles_after_the_delay_and_can_lose_callbacks()
    {
        await using var rig = await PaymentTestRig.StartAsync(o =>
        {
            o.AutoPayAfter = TimeSpan.FromMinutes(2);
            o.AutoPayRatio = 1;
            o.LostCallbackRatio = 1;
        });
        await rig.CreatePaymentAsync("AP-001");
        await rig.CreatePaymentAsync("AP-002");

        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(PaymentStatus.Pending, rig.Sandbox.Find("AP-001")!.Status);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitUntil(() => rig.Sandbox.Payments().All(p => p.Status == PaymentStatus.Success));

        Assert.Empty(rig.Sandbox.CallbackDeliveries());
        Assert.Equal(PaymentStatus.Success, (await rig.Connector().QueryAsync("AP-002", CancellationToken.None)).TrangThaiGD);
    }

    [Fact]
    public async Task Auto_pay_can_fail_payments_and_send_their_callbacks()
    {
        await using var rig = await PaymentTestRig.StartAsync(o =>
        {
            o.AutoPayAfter = TimeSpan.FromSeconds(30);
            o.AutoPayRatio = 0;
        });
        await using var receiver = await CallbackReceiver.StartAsync(rig.Connector());
        rig.Options.CallbackUrl = receiver.Url.ToString();
        await rig.CreatePaymentAsync("AP-003");

        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        await WaitUntil(() => !receiver.Received.IsEmpty);

        Assert.Equal(PaymentStatus.Failed, rig.Sandbox.Find("AP-003")!.Status);
        Assert.Equal(PaymentErrorCodes.PaymentFailed, Assert.Single(receiver.Received).Callback.MaLoi);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
