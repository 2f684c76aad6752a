using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Host.Inbound;

namespace IntegrationHub.Host.Payments;

/// <summary>The <c>data</c> of a <c>payment-init</c> message turned into the platform's INIT fields. The configured
/// schema already checked the top-level fields; the fee lines are checked here.</summary>
public static class PaymentInitData
{
    public static InboundError? Read(JsonElement data, out PaymentReceiptInfo? receipt, out long total)
    {
        receipt = null;
        total = 0;
        string Text(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        if (!data.TryGetProperty("PhiLePhi", out var fees) || fees.ValueKind != JsonValueKind.Array || fees.GetArrayLength() == 0)
        {
            return InboundError.MissingField("data.PhiLePhi");
        }

        var lines = new List<PaymentFee>();
        var index = 0;
        foreach (var fee in fees.EnumerateArray())
        {
            var path = $"data.PhiLePhi[{index++}]";
            if (fee.ValueKind != JsonValueKind.Object)
            {
                return InboundError.WrongFieldType(path, "object");
            }

            if (!fee.TryGetProperty("SoTien", out var amount))
            {
                return InboundError.MissingField($"{path}.SoTien");
            }

            if (amount.ValueKind != JsonValueKind.Number || !amount.TryGetInt64(out var soTien) || soTien <= 0)
            {
                return InboundError.WrongFieldType($"{path}.SoTien", "positive integer (VND)");
            }

            string Field(string name) => fee.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
            if (Field("TenPhiLePhi").Length == 0)
            {
                return InboundError.MissingField($"{path}.TenPhiLePhi");
            }

            lines.Add(new PaymentFee { LoaiPhiLePhi = Field("LoaiPhiLePhi"), MaPhiLePhi = Field("MaPhiLePhi"), TenPhiLePhi = Field("TenPhiLePhi"), SoTien = soTien });
            total = checked(total + soTien);
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
}
