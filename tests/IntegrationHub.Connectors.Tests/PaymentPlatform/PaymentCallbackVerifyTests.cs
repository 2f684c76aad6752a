using IntegrationHub.Connectors.PaymentPlatform;
using Xunit;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

public sealed class PaymentCallbackVerifyTests
{
    private static async Task<(PaymentTestRig Rig, PaymentCallback Callback)> PaidAsync()
    {
        var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("CB-001", 180_000);
        await rig.Sandbox.PayAsync("CB-001", sendCallback: false);
        return (rig, rig.Sandbox.SignedCallback("CB-001"));
    }

    [Fact]
    public async Task A_genuine_callback_is_accepted()
    {
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;

        var verdict = rig.Connector().Verify(callback);

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal(CallbackVerdict.OkCode, verdict.Code);
        Assert.Equal(("00", 180_000L, "CB-001"), (callback.MaLoi, callback.SoTien, callback.MaThamChieu));
    }

    [Fact]
    public async Task A_wrong_hash_is_rejected()
    {
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;

        var verdict = rig.Connector().Verify(callback with { MaXacThuc = new string('0', 64) });

        Assert.Equal((false, CallbackVerdict.BadHashCode), (verdict.Accepted, verdict.Code));
    }

    [Fact]
    public async Task A_changed_amount_breaks_the_hash()
    {
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;

        var verdict = rig.Connector().Verify(callback with { SoTien = 1_000 });

        Assert.Equal((false, CallbackVerdict.BadHashCode), (verdict.Accepted, verdict.Code));
    }

    [Fact]
    public async Task A_failed_result_turned_into_success_breaks_the_hash()
    {
        await using var rig = await PaymentTestRig.StartAsync();
        await rig.CreatePaymentAsync("CB-002");
        await rig.Sandbox.FailAsync("CB-002", sendCallback: false);
        var callback = rig.Sandbox.SignedCallback("CB-002");

        Assert.Equal(PaymentErrorCodes.PaymentFailed, callback.MaLoi);
        Assert.True(rig.Connector().Verify(callback).Accepted);
        Assert.Equal(CallbackVerdict.BadHashCode, rig.Connector().Verify(callback with { MaLoi = "00" }).Code);
    }

    [Fact]
    public async Task Another_partners_callback_is_rejected_even_when_signed_with_the_secret()
    {
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;
        var other = callback with { MaDoiTac = "OTHER" };
        other = other with { MaXacThuc = PaymentHash.Callback(other, PaymentTestRig.SecretKey) };

        var verdict = rig.Connector().Verify(other);

        Assert.Equal((false, CallbackVerdict.WrongPartnerCode), (verdict.Accepted, verdict.Code));
    }

    [Fact]
    public async Task A_callback_signed_with_another_secret_is_rejected()
    {
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;

        var verdict = rig.Connector(secretKey: "another").Verify(callback);

        Assert.Equal(CallbackVerdict.BadHashCode, verdict.Code);
    }

    [Fact]
    public async Task A_callback_without_hash_is_rejected_as_missing_field()
    {
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;

        Assert.Equal(CallbackVerdict.MissingFieldCode, rig.Connector().Verify(callback with { MaXacThuc = "" }).Code);
    }

    [Fact]
    public async Task The_reply_is_signed_over_its_fields()
    {
        await using var rig = await PaymentTestRig.StartAsync();

        var reply = rig.Connector().CreateReply("00", "Đã nhận");

        Assert.Equal((PaymentTestRig.MaDoiTac, "20261128093000"), (reply.MaDoiTac, reply.ThoiGianGD));
        Assert.Equal(PaymentHash.Compute(["CALLBACK_REPLY", "00", "Đã nhận", PaymentTestRig.MaDoiTac, "20261128093000"], PaymentTestRig.SecretKey), reply.MaXacThuc);
    }

    [Fact]
    public async Task Fields_shifted_across_the_separator_are_rejected_even_with_a_matching_hash()
    {
        // The same joined text, cut at other '|': its hash is the genuine one's, so only refusing '|' in a field stops it.
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;
        var shifted = callback with { MaGiaoDich = callback.MaGiaoDich + "|" + callback.MaNganHang, MaNganHang = string.Empty };
        shifted = shifted with { MaXacThuc = PaymentHash.Callback(shifted, PaymentTestRig.SecretKey) };

        var verdict = rig.Connector().Verify(shifted);

        Assert.Equal((false, CallbackVerdict.MissingFieldCode), (verdict.Accepted, verdict.Code));
    }

    [Fact]
    public async Task Another_message_type_or_a_malformed_MaLoi_is_rejected()
    {
        var (rig, callback) = await PaidAsync();
        await using var _ = rig;
        var connector = rig.Connector();

        foreach (var odd in new[] { callback with { LoaiBanTin = PaymentMessageTypes.Query }, callback with { MaLoi = "0" }, callback with { MaLoi = "x0" } })
        {
            var verdict = connector.Verify(odd with { MaXacThuc = PaymentHash.Callback(odd, PaymentTestRig.SecretKey) });
            Assert.Equal((false, CallbackVerdict.MissingFieldCode), (verdict.Accepted, verdict.Code));
        }
    }
}
