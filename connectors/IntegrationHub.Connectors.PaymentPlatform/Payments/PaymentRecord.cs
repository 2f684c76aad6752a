namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>A payment as the hub keeps it.</summary>
public sealed record PaymentRecord(
    string MaThamChieu,
    string Partner,
    string PartnerMessageId,
    string MaHoSo,
    long SoTien,
    string Status,
    string? UrlThanhToan,
    string? MaGiaoDich,
    string? MaNganHang,
    string? ThoiGianGD,
    string? SettledBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SettledAt,
    int QueryCount)
{
    public const string New = "new";
    public const string Created = "created";
    public const string Paid = "paid";
    public const string Failed = "failed";
}
