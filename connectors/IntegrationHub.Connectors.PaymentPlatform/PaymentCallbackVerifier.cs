namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>Checks that a callback comes from the platform for this partner: its shape (the result message type, a
/// two-digit MaLoi, no field holding the <c>|</c> separator — otherwise fields could be shifted across the separator
/// to reuse another signed text's hash), the partner code, then the hash over every signed field (a changed SoTien or
/// MaLoi breaks it), compared in constant time.</summary>
public sealed class PaymentCallbackVerifier(string maDoiTac, string secretKey)
{
    public CallbackVerdict Verify(PaymentCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (string.IsNullOrWhiteSpace(callback.MaThamChieu) || string.IsNullOrWhiteSpace(callback.MaXacThuc))
        {
            return CallbackVerdict.Rejected(CallbackVerdict.MissingFieldCode, "MaThamChieu and MaXacThuc are required.");
        }

        if (callback.LoaiBanTin != PaymentMessageTypes.PaymentResult || callback.MaLoi is not { Length: 2 } maLoi || !maLoi.All(char.IsAsciiDigit))
        {
            return CallbackVerdict.Rejected(CallbackVerdict.MissingFieldCode, $"LoaiBanTin must be {PaymentMessageTypes.PaymentResult} and MaLoi two digits.");
        }

        string?[] signed = [callback.LoaiBanTin, callback.MaLoi, callback.MaDoiTac, callback.MaThamChieu, callback.MaTienTe, callback.MaGiaoDich,
            callback.MaNganHang, callback.ThoiGianGD, callback.ThongTinGiaoDich];
        if (signed.Any(f => f is not null && (f.Contains('|', StringComparison.Ordinal) || f.Any(char.IsControl))))
        {
            return CallbackVerdict.Rejected(CallbackVerdict.MissingFieldCode, "A signed field contains '|' or a control character.");
        }

        if (!string.Equals(callback.MaDoiTac, maDoiTac, StringComparison.Ordinal))
        {
            return CallbackVerdict.Rejected(CallbackVerdict.WrongPartnerCode, $"MaDoiTac '{callback.MaDoiTac}' is not this hub's partner code.");
        }

        return PaymentHash.Matches(PaymentHash.Callback(callback, secretKey), callback.MaXacThuc)
            ? CallbackVerdict.Ok
            : CallbackVerdict.Rejected(CallbackVerdict.BadHashCode, "MaXacThuc does not match the callback's fields.");
    }
}
