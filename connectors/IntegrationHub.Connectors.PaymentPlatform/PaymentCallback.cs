namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The result the platform POSTs to the hub (anonymously: <see cref="MaXacThuc"/> is the only proof it came
/// from the platform). Property names are the wire names. MaLoi "00" = paid, anything else = failed.</summary>
public sealed record PaymentCallback
{
    public string LoaiBanTin { get; init; } = PaymentMessageTypes.PaymentResult;

    public string MaLoi { get; init; } = string.Empty;

    public string MaDoiTac { get; init; } = string.Empty;

    public string MaThamChieu { get; init; } = string.Empty;

    public long SoTien { get; init; }

    public string MaTienTe { get; init; } = "VND";

    public string MaGiaoDich { get; init; } = string.Empty;

    public string MaNganHang { get; init; } = string.Empty;

    public string ThoiGianGD { get; init; } = string.Empty;

    public string ThongTinGiaoDich { get; init; } = string.Empty;

    public string MaXacThuc { get; init; } = string.Empty;
}
