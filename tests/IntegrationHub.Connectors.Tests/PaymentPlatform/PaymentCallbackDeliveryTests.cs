using IntegrationHub.Connectors.PaymentPlatform;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

/// <summary>The sandbox POSTs real callbacks to a small HTTP endpoint that verifies them with a connector.</summary>
public sealed class PaymentCallbackDeliveryTests
{
    [Fact]
    public async Task A_paid_payment_calls_back_signed_and_records_the_signed_reply()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(rig.Connector());
        rig.Options.CallbackUrl = receiver.Url.ToString();
        await rig.CreatePaymentAsync("DL-001", 90_000);

        var settlement = await rig.Sandbox.PayAsync("DL-001");

        var (callback, verdict) = Assert.Single(receiver.Received);
        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal(("DL-001", 90_000L, "00", PaymentMessageTypes.PaymentResult), (callback.MaThamChieu, callback.SoTien, callback.MaLoi, callback.LoaiBanTin));
        Assert.Equal(settlement.Payment.MaGiaoDich, callback.MaGiaoDich);
        var delivery = Assert.IsType<SandboxCallbackDelivery>(settlement.Delivery);
        Assert.Equal((200, "00", true), (delivery.HttpStatus, delivery.Reply?.MaLoi, delivery.ReplySigned));
    }

    [Fact]
    public async Task A_lost_callback_is_not_sent_and_can_be_sent_again_later()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(rig.Connector());
        rig.Options.CallbackUrl = receiver.Url.ToString();
        await rig.CreatePaymentAsync("DL-002");

        var settlement = await rig.Sandbox.PayAsync("DL-002", sendCallback: false);
        Assert.Null(settlement.Delivery);
        Assert.Empty(receiver.Received);

        await rig.Sandbox.SendCallbackAgainAsync("DL-002");
        await rig.Sandbox.SendCallbackAgainAsync("DL-002");

        Assert.Equal(2, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.True(r.Verdict.Accepted));
        Assert.Equal(2, rig.Sandbox.CallbackDeliveries().Count);
    }

    [Fact]
    public async Task A_failed_payment_calls_back_with_the_failure_code()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(rig.Connector());
        rig.Options.CallbackUrl = receiver.Url.ToString();
        await rig.CreatePaymentAsync("DL-003");

        await rig.Sandbox.FailAsync("DL-003");

        var (callback, verdict) = Assert.Single(receiver.Received);
        Assert.Equal((PaymentErrorCodes.PaymentFailed, true), (callback.MaLoi, verdict.Accepted));
    }

    [Fact]
    public async Task A_hub_with_another_secret_rejects_the_callback_and_its_reply_does_not_verify()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(rig.Connector(secretKey: "not-the-platforms"));
        rig.Options.CallbackUrl = receiver.Url.ToString();
        await rig.CreatePaymentAsync("DL-004");

        var settlement = await rig.Sandbox.PayAsync("DL-004");

        Assert.Equal(CallbackVerdict.BadHashCode, Assert.Single(receiver.Received).Verdict.Code);
        Assert.Equal((PaymentErrorCodes.BadHash, false), (settlement.Delivery!.Reply?.MaLoi, settlement.Delivery.ReplySigned));
    }

    [Fact]
    public async Task An_unreachable_hub_is_recorded_not_thrown()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        rig.Options.CallbackUrl = $"http://127.0.0.1:{IGate.FreePort.Closed()}/api/payments/callback";
        await rig.CreatePaymentAsync("DL-005");

        var settlement = await rig.Sandbox.PayAsync("DL-005");

        Assert.Equal(0, settlement.Delivery!.HttpStatus);
        Assert.NotNull(settlement.Delivery.Error);
        Assert.Equal(PaymentStatus.Success, settlement.Payment.Status);
    }
}
