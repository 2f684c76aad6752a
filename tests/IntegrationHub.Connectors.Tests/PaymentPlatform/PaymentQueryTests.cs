using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

public sealed class PaymentQueryTests
{
    [Fact]
    public async Task Query_is_pending_until_paid_then_success()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        var connector = rig.Connector();
        await rig.CreatePaymentAsync("TT-101");

        var before = await connector.QueryAsync("TT-101", CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await rig.Sandbox.PayAsync("TT-101", sendCallback: false);
        var after = await connector.QueryAsync("TT-101", CancellationToken.None);

        Assert.Equal((PaymentStatus.Pending, ""), (before.TrangThaiGD, before.MaGiaoDich));
        Assert.Equal(PaymentStatus.Success, after.TrangThaiGD);
        Assert.Equal((150_000L, "20261128093500"), (after.SoTien, after.ThoiGianGD));
        Assert.False(string.IsNullOrEmpty(after.MaGiaoDich));
        Assert.False(string.IsNullOrEmpty(after.MaNganHang));
    }

    [Fact]
    public async Task Query_of_a_failed_payment_is_failed()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("TT-102");
        await rig.Sandbox.FailAsync("TT-102", sendCallback: false);

        var result = await rig.Connector().QueryAsync("TT-102", CancellationToken.None);

        Assert.Equal(PaymentStatus.Failed, result.TrangThaiGD);
    }

    [Fact]
    public async Task A_paid_payment_cannot_fail_afterwards()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("TT-103");
        await rig.Sandbox.PayAsync("TT-103", sendCallback: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Sandbox.FailAsync("TT-103", sendCallback: false));
        Assert.Equal(PaymentStatus.Success, rig.Sandbox.Find("TT-103")!.Status);
    }

    [Fact]
    public async Task Query_of_an_unknown_reference_is_permanent_not_found()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().QueryAsync("NOPE", CancellationToken.None));

        Assert.Equal((FailureKind.Permanent, "PAYMENT-05"), (ex.Failure.Kind, ex.Failure.Code));
    }

    [Fact]
    public async Task Get_bill_of_a_paid_payment_returns_the_receipt_and_its_raw_json()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("TT-104", 250_000);
        var paid = await rig.Sandbox.PayAsync("TT-104", sendCallback: false);

        var bill = await rig.Connector().GetBillAsync("TT-104", CancellationToken.None);

        Assert.Equal(paid.Payment.SoBienLai, bill.SoBienLai);
        Assert.Equal(("TT-104", paid.Payment.MaGiaoDich, 250_000L), (bill.MaThamChieu, bill.MaGiaoDich, bill.SoTien));
        Assert.Equal("Nguyễn Văn An", bill.ThongTinBienLai.HoTenNguoiNop);
        Assert.Equal(250_000, Assert.Single(bill.ThongTinBienLai.PhiLePhi).SoTien);
        using var raw = JsonDocument.Parse(bill.RawJson);
        Assert.Equal(bill.SoBienLai, raw.RootElement.GetProperty("SoBienLai").GetString());
    }

    [Fact]
    public async Task Get_bill_of_an_unpaid_payment_is_refused()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("TT-105");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().GetBillAsync("TT-105", CancellationToken.None));

        Assert.Equal((FailureKind.Permanent, "PAYMENT-06"), (ex.Failure.Kind, ex.Failure.Code));
    }
}
