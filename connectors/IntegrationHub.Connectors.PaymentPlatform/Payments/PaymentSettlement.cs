namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>A result the platform reported for a payment, by callback or by QUERY.</summary>
public sealed record PaymentSettlement(string MaThamChieu, bool Paid, long SoTien, string MaGiaoDich, string MaNganHang, string ThoiGianGD, string SettledBy);
