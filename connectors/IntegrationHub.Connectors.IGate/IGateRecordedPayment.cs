namespace IntegrationHub.Connectors.IGate;

/// <summary>A confirmed payment of a dossier's fees as the iGate sandbox recorded it.</summary>
/// <param name="MaThamChieu">The payment platform's reference; recorded once.</param>
/// <param name="SoTien">Whole VND.</param>
/// <param name="MaNganHang">Optional: not every payment channel is a bank.</param>
/// <param name="ThoiGianThanhToan">When the platform says it was paid, +07:00.</param>
/// <param name="RecordedAt">When iGate recorded it (the sandbox's clock).</param>
public sealed record IGateRecordedPayment(
    string MaHoSo,
    string MaThamChieu,
    long SoTien,
    string MaGiaoDich,
    string? MaNganHang,
    DateTimeOffset ThoiGianThanhToan,
    DateTimeOffset RecordedAt);
