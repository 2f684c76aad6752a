using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox.Writes;

namespace IntegrationHub.Connectors.IGate.Sandbox.Payments;

/// <summary>What iGate checks in a payment before it records it. The real rules are not public; these are the
/// plausible minimum: the dossier, the platform's reference and transaction, a positive whole amount and a valid
/// time. MaNganHang is optional (e-wallets and other channels have no bank code).</summary>
internal static class PaymentRules
{
    /// <returns>The payment, or null with the Vietnamese reason (error code IGATE-422).</returns>
    public static IGateRecordedPayment? Read(JsonObject body, DateTimeOffset recordedAt, out string? problem)
    {
        var maHoSo = IGateBatchRequestReader.StringOf(body["maHoSo"]);
        var maThamChieu = IGateBatchRequestReader.StringOf(body["maThamChieu"]);
        var soTien = IGateBatchRequestReader.IntegerOf(body["soTien"]);
        var maGiaoDich = IGateBatchRequestReader.StringOf(body["maGiaoDich"]);
        var thoiGian = NationalTime.Parse(IGateBatchRequestReader.StringOf(body["thoiGianThanhToan"]));
        problem = maHoSo is null ? "Thiếu mã hồ sơ (maHoSo)."
            : maThamChieu is null ? "Thiếu mã tham chiếu thanh toán (maThamChieu)."
            : soTien is not > 0 ? "Số tiền (soTien) phải là số nguyên dương (VNĐ)."
            : maGiaoDich is null ? "Thiếu mã giao dịch (maGiaoDich)."
            : thoiGian is null ? $"Thời gian thanh toán (thoiGianThanhToan) thiếu hoặc không đúng định dạng {NationalTime.Format}."
            : null;
        return problem is null
            ? new IGateRecordedPayment(
                maHoSo!, maThamChieu!, soTien!.Value, maGiaoDich!, IGateBatchRequestReader.StringOf(body["maNganHang"]), thoiGian!.Value, recordedAt)
            : null;
    }
}
