namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The platform's answer to QUERY. <see cref="MaGiaoDich"/> and <see cref="MaNganHang"/> are empty until the
/// payment settles; <see cref="ThoiGianGD"/> is the settlement time, or the INIT time while pending.</summary>
public sealed record PaymentQueryResult(
    string MaThamChieu,
    PaymentStatus TrangThaiGD,
    string MaGiaoDich,
    long SoTien,
    string MaNganHang,
    string ThoiGianGD);
