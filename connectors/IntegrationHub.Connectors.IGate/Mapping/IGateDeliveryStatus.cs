namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Where the post is with a dossier's result, as iGate records it (serialized camelCase; designed: iGate
/// publishes no specification). Values are passed on as received, null when missing: iGate decides what is valid.</summary>
/// <param name="MaBuuGui">The postal tracking number.</param>
/// <param name="TrangThai">The postal service's status code (ACCEPTED, IN_TRANSIT, DELIVERED, RETURNED...).</param>
/// <param name="ThoiDiem">yyyyMMddHHmmss, Asia/Ho_Chi_Minh.</param>
/// <param name="MaSuKien">The postal event's id: iGate keeps each event once.</param>
internal sealed record IGateDeliveryStatus(string? MaHoSo, string? MaBuuGui, string? TrangThai, string? ThoiDiem, string? DiaDiem, string? MaSuKien);
