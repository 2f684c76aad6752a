namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>A confirmed payment of a dossier's fees as iGate records it (serialized camelCase). Fields are passed on
/// as the hub received them, null when missing or of the wrong type: iGate, not the connector, decides what is valid.</summary>
/// <param name="MaThamChieu">The payment platform's reference of the payment; iGate records each one once per dossier.</param>
/// <param name="SoTien">Whole VND.</param>
/// <param name="ThoiGianThanhToan">yyyyMMddHHmmss, Asia/Ho_Chi_Minh, as the national platform writes it.</param>
internal sealed record IGatePayment(
    string? MaHoSo,
    string? MaThamChieu,
    long? SoTien,
    string? MaGiaoDich,
    string? MaNganHang,
    string? ThoiGianThanhToan);
