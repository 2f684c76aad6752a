namespace IntegrationHub.Connectors.IGate;

/// <summary>A postal tracking event of a dossier's result as the iGate sandbox recorded it, once per
/// <see cref="MaSuKien"/>.</summary>
/// <param name="MaBuuGui">The postal tracking number.</param>
/// <param name="ThoiDiem">When it happened, +07:00.</param>
/// <param name="RecordedAt">When iGate recorded it (the sandbox's clock).</param>
public sealed record IGateRecordedDeliveryStatus(
    string MaHoSo, string MaBuuGui, string TrangThai, DateTimeOffset ThoiDiem, string? DiaDiem, string MaSuKien, DateTimeOffset RecordedAt);
