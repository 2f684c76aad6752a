namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The receipt block <c>ThongTinBienLai</c> of an INIT: what the payment is for, who pays and who is paid.
/// Property names are the wire names.</summary>
public sealed record PaymentReceiptInfo
{
    public string MaDichVu { get; init; } = string.Empty;

    public string MaDVC { get; init; } = string.Empty;

    public string MaTTHC { get; init; } = string.Empty;

    public string TenTTHC { get; init; } = string.Empty;

    public string MaDonVi { get; init; } = string.Empty;

    public string MaHoSo { get; init; } = string.Empty;

    public string TKThuHuong { get; init; } = string.Empty;

    public string MaNHThuHuong { get; init; } = string.Empty;

    public string TenTKThuHuong { get; init; } = string.Empty;

    public string HoTenNguoiNop { get; init; } = string.Empty;

    public string SoCMNDNguoiNop { get; init; } = string.Empty;

    public string DiaChiNguoiNop { get; init; } = string.Empty;

    public IReadOnlyList<PaymentFee> PhiLePhi { get; init; } = [];

    public IReadOnlyList<PaymentDueItem> DSKhoanNop { get; init; } = [];
}
