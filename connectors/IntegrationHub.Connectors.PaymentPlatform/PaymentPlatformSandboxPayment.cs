namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>A copy of one payment the sandbox holds. <see cref="ThoiGianGD"/> is the settlement time once paid or
/// failed, the INIT time before.</summary>
public sealed record PaymentPlatformSandboxPayment(
    string MaThamChieu,
    long SoTien,
    PaymentStatus Status,
    string UrlThanhToan,
    string ThongTinGiaoDich,
    string MaGiaoDich,
    string MaNganHang,
    string ThoiGianGD,
    string SoBienLai,
    PaymentReceiptInfo ThongTinBienLai);
