using System.Text.Json;
using IntegrationHub.Contracts.Inbound;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>The <c>data</c> of a <c>payment-init</c> message turned into the platform's INIT fields. The configured
/// schema already checked the top-level fields; the fee lines are checked here.</summary>
public static class PaymentInitData
{
    /// <param name="maxAmount">The largest fee and the largest total (<c>Payments:MaxAmount</c>).</param>
    public static HubProblem? Read(JsonElement data, long maxAmount, out PaymentReceiptInfo? receipt, out long total)
    {
        receipt = null;
        total = 0;
        string Text(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        if (!data.TryGetProperty("PhiLePhi", out var fees) || fees.ValueKind != JsonValueKind.Array || fees.GetArrayLength() == 0)
        {
            return HubProblem.MissingField("data.PhiLePhi");
        }

        var lines = new List<PaymentFee>();
        var index = 0;
        foreach (var fee in fees.EnumerateArray())
        {
            var path = $"data.PhiLePhi[{index++}]";
            if (fee.ValueKind != JsonValueKind.Object)
            {
                return HubProblem.WrongFieldType(path, "object");
            }

            if (!fee.TryGetProperty("SoTien", out var amount))
            {
                return HubProblem.MissingField($"{path}.SoTien");
            }

            if (amount.ValueKind != JsonValueKind.Number || (!amount.TryGetInt64(out var soTien) && !IsBeyondInt64(amount)))
            {
                return HubProblem.WrongFieldType($"{path}.SoTien", "positive integer (VND)");
            }

            // Bounded before any sum: no total can overflow, and no amount the platform could not take is sent.
            if (soTien <= 0 || soTien > maxAmount)
            {
                return HubProblem.InvalidAmount($"{path}.SoTien", $"an amount is a whole number of VND from 1 to {maxAmount}.");
            }

            string Field(string name) => fee.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
            if (Field("TenPhiLePhi").Length == 0)
            {
                return HubProblem.MissingField($"{path}.TenPhiLePhi");
            }

            lines.Add(new PaymentFee { LoaiPhiLePhi = Field("LoaiPhiLePhi"), MaPhiLePhi = Field("MaPhiLePhi"), TenPhiLePhi = Field("TenPhiLePhi"), SoTien = soTien });
            if (soTien > maxAmount - total)
            {
                return HubProblem.InvalidAmount("data.PhiLePhi", $"the fees add up to more than {maxAmount} VND.");
            }

            total += soTien;
        }

        receipt = new PaymentReceiptInfo
        {
            MaDVC = Text("MaDVC"),
            MaTTHC = Text("MaTTHC"),
            TenTTHC = Text("TenTTHC"),
            MaDonVi = Text("MaDonVi"),
            MaHoSo = Text("MaHoSo"),
            HoTenNguoiNop = Text("HoTenNguoiNop"),
            SoCMNDNguoiNop = Text("SoCMNDNguoiNop"),
            DiaChiNguoiNop = Text("DiaChiNguoiNop"),
            PhiLePhi = lines,
            DSKhoanNop = lines.Select(l => new PaymentDueItem { NoiDung = l.TenPhiLePhi, SoTien = l.SoTien }).ToList(),
        };
        return null;
    }

    /// <summary>A number too large for a long (99999999999999999999, 1e30) is an amount out of range, not a wrong type.</summary>
    private static bool IsBeyondInt64(JsonElement amount) => !amount.TryGetDecimal(out var value) || Math.Abs(value) > long.MaxValue;
}
