namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>One settled transaction of the platform's daily statement (designed format, see
/// <see cref="PaymentPlatformConnector.GetStatementAsync"/>).</summary>
public sealed record PaymentStatementLine(
    string MaThamChieu,
    string MaGiaoDich,
    long SoTien,
    PaymentStatus TrangThaiGD,
    string ThoiGianGD);
