namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>Checks that a callback comes from the platform for this partner: the partner code, then the hash over
/// every signed field (a changed SoTien or MaLoi breaks it), compared in constant time.</summary>
public sealed class PaymentCallbackVerifier(string maDoiTac, string secretKey)
{
    public CallbackVerdict Verify(PaymentCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (string.IsNullOrWhiteSpace(callback.MaThamChieu) || string.IsNullOrWhiteSpace(callback.MaXacThuc))
        {
            return CallbackVerdict.Rejected(CallbackVerdict.MissingFieldCode, "MaThamChieu and MaXacThuc are required.");
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
