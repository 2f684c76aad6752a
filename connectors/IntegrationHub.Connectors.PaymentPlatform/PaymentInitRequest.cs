namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>What the hub asks the platform to collect. The connector adds the partner code, version, time and hash;
/// the channel fields default to the platform's usual values.</summary>
public sealed record PaymentInitRequest
{
    /// <summary>The hub's own reference of the payment, unique per payment; the platform keys everything by it.</summary>
    public required string MaThamChieu { get; init; }

    /// <summary>Amount in VND.</summary>
    public required long SoTien { get; init; }

    /// <summary>Free text shown to the payer, e.g. "Nop phi ho so 000.00.01.H56-260101-0001".</summary>
    public required string ThongTinGiaoDich { get; init; }

    /// <summary>The payer's IP address.</summary>
    public required string Ip { get; init; }

    public required PaymentReceiptInfo ThongTinBienLai { get; init; }

    /// <summary>The payer's bank, when chosen up front; empty lets the payer choose on the platform.</summary>
    public string MaNganHang { get; init; } = string.Empty;

    public string LoaiHinhThanhToan { get; init; } = "PAY";

    public string MaKenhThanhToan { get; init; } = "1";

    public string MaThietBi { get; init; } = "1";

    public string NgonNgu { get; init; } = "vi-VN";

    public string MaTienTe { get; init; } = "VND";
}
