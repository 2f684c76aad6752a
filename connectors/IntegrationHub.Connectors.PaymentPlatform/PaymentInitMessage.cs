namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The INIT message exactly as it goes on the wire (property names are the platform's field names).
/// <see cref="MaXacThuc"/> is <see cref="PaymentHash.Init"/> of the other fields.</summary>
public sealed record PaymentInitMessage
{
    public string LoaiBanTin { get; init; } = PaymentMessageTypes.Init;

    public required string PhienBan { get; init; }

    public required string MaDoiTac { get; init; }

    public required string MaThamChieu { get; init; }

    public required long SoTien { get; init; }

    public required string LoaiHinhThanhToan { get; init; }

    public required string MaKenhThanhToan { get; init; }

    public required string MaThietBi { get; init; }

    public required string NgonNgu { get; init; }

    public required string MaTienTe { get; init; }

    public required string MaNganHang { get; init; }

    public required string ThongTinGiaoDich { get; init; }

    public required string ThoiGianGD { get; init; }

    public required string Ip { get; init; }

    public required PaymentReceiptInfo ThongTinBienLai { get; init; }

    public string MaXacThuc { get; init; } = string.Empty;
}
