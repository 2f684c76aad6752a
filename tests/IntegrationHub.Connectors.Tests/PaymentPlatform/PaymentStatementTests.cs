using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

public sealed class PaymentStatementTests
{
    private static readonly DateOnly Day = new(2026, 11, 28);

    [Fact]
    public async Task The_statement_lists_settled_payments_of_the_local_day_only()
    {
        // 16:50Z on the 28th is 23:50 local; ten minutes later it is the 29th in Vietnam (still the 28th in UTC).
        await using var rig = await PaymentTestRig.StartAsync(clock: new(new DateTimeOffset(2026, 11, 28, 16, 50, 0, TimeSpan.Zero)));
        await rig.CreatePaymentAsync("ST-PAID", 100_000);
        await rig.CreatePaymentAsync("ST-FAILED", 200_000);
        await rig.CreatePaymentAsync("ST-PENDING", 300_000);
        await rig.CreatePaymentAsync("ST-NEXTDAY", 400_000);
        await rig.Sandbox.PayAsync("ST-PAID", sendCallback: false);
        await rig.Sandbox.FailAsync("ST-FAILED", sendCallback: false);
        rig.Clock.Advance(TimeSpan.FromMinutes(15));
        await rig.Sandbox.PayAsync("ST-NEXTDAY", sendCallback: false);
        var connector = rig.Connector();

        var today = await connector.GetStatementAsync(Day, CancellationToken.None);
        var tomorrow = await connector.GetStatementAsync(Day.AddDays(1), CancellationToken.None);

        Assert.Equal(
            [("ST-FAILED", 200_000L, PaymentStatus.Failed), ("ST-PAID", 100_000L, PaymentStatus.Success)],
            today.Select(l => (l.MaThamChieu, l.SoTien, l.TrangThaiGD)).OrderBy(l => l.MaThamChieu, StringComparer.Ordinal));
        Assert.All(today, l => Assert.StartsWith("20261128", l.ThoiGianGD, StringComparison.Ordinal));
        var next = Assert.Single(tomorrow);
        Assert.Equal(("ST-NEXTDAY", "20261129000500"), (next.MaThamChieu, next.ThoiGianGD));
        Assert.Equal(rig.Sandbox.Find("ST-NEXTDAY")!.MaGiaoDich, next.MaGiaoDich);
    }

    [Fact]
    public async Task Planted_mismatches_appear_in_the_statement()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        foreach (var reference in new[] { "RC-DROPPED", "RC-AMOUNT", "RC-STATUS", "RC-OK" })
        {
            await rig.CreatePaymentAsync(reference, 50_000);
            await rig.Sandbox.PayAsync(reference, sendCallback: false);
        }

        rig.Sandbox.DropFromStatement("RC-DROPPED");
        rig.Sandbox.AlterStatementAmount("RC-AMOUNT", 5_000);
        rig.Sandbox.AlterStatementStatus("RC-STATUS", PaymentStatus.Failed);
        rig.Sandbox.PlantStatementLine(new PaymentStatementLine("RC-UNKNOWN", "GD-X", 77_000, PaymentStatus.Success, "20261128101500"));
        rig.Sandbox.PlantStatementLine(new PaymentStatementLine("RC-OTHER-DAY", "GD-Y", 1, PaymentStatus.Success, "20261127101500"));

        var lines = await rig.Connector().GetStatementAsync(Day, CancellationToken.None);

        Assert.Equal(
            [("RC-AMOUNT", 5_000L, PaymentStatus.Success), ("RC-OK", 50_000L, PaymentStatus.Success),
             ("RC-STATUS", 50_000L, PaymentStatus.Failed), ("RC-UNKNOWN", 77_000L, PaymentStatus.Success)],
            lines.Select(l => (l.MaThamChieu, l.SoTien, l.TrangThaiGD)).OrderBy(l => l.MaThamChieu, StringComparer.Ordinal));
        Assert.Equal(PaymentStatus.Success, rig.Sandbox.Find("RC-STATUS")!.Status);
    }

    [Fact]
    public async Task The_statement_needs_the_right_secret()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector(secretKey: "wrong").GetStatementAsync(Day, CancellationToken.None));

        Assert.Equal((FailureKind.Config, "PAYMENT-02"), (ex.Failure.Kind, ex.Failure.Code));
    }
}
