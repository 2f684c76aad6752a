using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

public sealed class PaymentInitTests
{
    [Fact]
    public async Task Init_returns_the_payer_url_and_stores_a_pending_payment()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var result = await rig.Connector().InitAsync(PaymentRequests.For("TT-001"), CancellationToken.None);

        Assert.Equal(PaymentErrorCodes.Success, result.MaLoi);
        Assert.StartsWith(new Uri(rig.BaseAddress, "pay/").ToString(), result.UrlThanhToan, StringComparison.Ordinal);
        var payment = rig.Sandbox.Find("TT-001");
        Assert.NotNull(payment);
        Assert.Equal((PaymentStatus.Pending, 150_000L), (payment.Status, payment.SoTien));
        Assert.Equal("Đăng ký biến động quyền sử dụng đất", payment.ThongTinBienLai.TenTTHC);
    }

    [Fact]
    public async Task ThoiGianGD_is_local_Vietnam_time_on_a_24_hour_clock()
    {
        // 13:05Z is 20:05 in Vietnam: a 12-hour clock would write 08.
        await using var rig = await PaymentTestRig.StartAsync(clock: new(new DateTimeOffset(2026, 11, 28, 13, 5, 9, TimeSpan.Zero)));

        await rig.CreatePaymentAsync("TT-002");

        Assert.Equal("20261128200509", rig.Sandbox.Find("TT-002")!.ThoiGianGD);
    }

    [Fact]
    public async Task The_payer_page_is_served_at_the_url()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        var result = await rig.Connector().InitAsync(PaymentRequests.For("TT-003", 75_000), CancellationToken.None);

        var page = await rig.Http.GetStringAsync(result.UrlThanhToan);

        Assert.Contains("TT-003", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeating_init_with_the_same_amount_returns_the_same_url()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        var connector = rig.Connector();

        var first = await connector.InitAsync(PaymentRequests.For("TT-004"), CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await connector.InitAsync(PaymentRequests.For("TT-004"), CancellationToken.None);

        Assert.Equal(first.UrlThanhToan, again.UrlThanhToan);
        Assert.Single(rig.Sandbox.Payments());
    }

    [Fact]
    public async Task Repeating_init_with_another_amount_is_a_permanent_failure()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        var connector = rig.Connector();
        await connector.InitAsync(PaymentRequests.For("TT-005", 100_000), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.InitAsync(PaymentRequests.For("TT-005", 120_000), CancellationToken.None));

        Assert.Equal((FailureKind.Permanent, "PAYMENT-04"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Equal(100_000, rig.Sandbox.Find("TT-005")!.SoTien);
    }

    [Fact]
    public async Task A_zero_amount_is_refused_as_an_invalid_field()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().InitAsync(PaymentRequests.For("TT-006", 0), CancellationToken.None));

        Assert.Equal((FailureKind.Permanent, "PAYMENT-01"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.Empty(rig.Sandbox.Payments());
    }

    [Fact]
    public async Task A_wrong_secret_is_a_config_failure_and_stores_nothing()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector(secretKey: "wrong").InitAsync(PaymentRequests.For("TT-007"), CancellationToken.None));

        Assert.Equal((FailureKind.Config, "PAYMENT-02"), (ex.Failure.Kind, ex.Failure.Code));
        Assert.DoesNotContain("wrong", ex.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Sandbox.Payments());
    }

    [Fact]
    public async Task An_unknown_partner_is_a_config_failure()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector(maDoiTac: "OTHER").InitAsync(PaymentRequests.For("TT-008"), CancellationToken.None));

        Assert.Equal((FailureKind.Config, "PAYMENT-03"), (ex.Failure.Kind, ex.Failure.Code));
    }
}
