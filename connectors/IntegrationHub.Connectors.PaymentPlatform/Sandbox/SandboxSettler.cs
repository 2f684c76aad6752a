namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>Pays or fails payments and builds, signs and sends their callbacks. A paid callback carries MaLoi "00", a
/// failed one "09" (<see cref="PaymentErrorCodes.PaymentFailed"/>).</summary>
internal sealed class SandboxSettler(
    PaymentPlatformSandboxOptions options,
    SandboxPaymentStore store,
    SandboxCallbackSender sender,
    TimeProvider timeProvider)
{
    /// <summary>The bank a payer "chose" when INIT left MaNganHang empty.</summary>
    public const string DefaultBank = "970436";

    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    /// <exception cref="InvalidOperationException">Already settled the other way.</exception>
    public async Task<SandboxSettlement> SettleAsync(string maThamChieu, bool paid, bool sendCallback, CancellationToken cancellationToken)
    {
        var payment = store.Settle(maThamChieu, paid, PaymentTime.Format(timeProvider.GetUtcNow()), DefaultBank);
        var callback = Callback(payment);
        var delivery = sendCallback ? await sender.SendAsync(callback, cancellationToken).ConfigureAwait(false) : null;
        return new SandboxSettlement(payment, callback, delivery);
    }

    public bool IsPending(string maThamChieu) => store.Find(maThamChieu)?.Status == PaymentStatus.Pending;

    /// <summary>Sends the callback of a settled payment again (as the platform does when the hub did not answer "00").</summary>
    public Task<SandboxCallbackDelivery> ResendAsync(string maThamChieu, CancellationToken cancellationToken) =>
        sender.SendAsync(SignedCallback(maThamChieu), cancellationToken);

    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    /// <exception cref="InvalidOperationException">Still pending: there is no result to call back with.</exception>
    public PaymentCallback SignedCallback(string maThamChieu)
    {
        var payment = store.Find(maThamChieu) ?? throw new KeyNotFoundException($"The sandbox has no payment {maThamChieu}.");
        return payment.Status == PaymentStatus.Pending
            ? throw new InvalidOperationException($"Payment {maThamChieu} is still pending: there is no result to call back with.")
            : Callback(payment);
    }

    private PaymentCallback Callback(PaymentPlatformSandboxPayment payment)
    {
        var callback = new PaymentCallback
        {
            MaLoi = payment.Status == PaymentStatus.Success ? PaymentErrorCodes.Success : PaymentErrorCodes.PaymentFailed,
            MaDoiTac = options.MaDoiTac,
            MaThamChieu = payment.MaThamChieu,
            SoTien = payment.SoTien,
            MaTienTe = "VND",
            MaGiaoDich = payment.MaGiaoDich,
            MaNganHang = payment.MaNganHang,
            ThoiGianGD = payment.ThoiGianGD,
            ThongTinGiaoDich = payment.ThongTinGiaoDich,
        };
        return callback with { MaXacThuc = PaymentHash.Callback(callback, options.SecretKey) };
    }
}
