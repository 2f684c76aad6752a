namespace IntegrationHub.Connectors.IGate;

/// <summary>A population-database verification of a dossier's applicant as the iGate sandbox recorded it; the latest
/// (by <see cref="ThoiDiemXacMinh"/>) is kept per dossier.</summary>
/// <param name="KetQua">KHOP, KHONG_KHOP or KHONG_TIM_THAY.</param>
/// <param name="TruongSaiLech">Field name → (declared, recorded) of a mismatch; empty otherwise.</param>
/// <param name="ThuongTru">Permanent address codes "tinh/huyen/xa" when the citizen was found.</param>
/// <param name="NoiOHienTai">Current address codes "tinh/huyen/xa" when the citizen was found.</param>
public sealed record IGateRecordedCitizenCheck(
    string MaHoSo,
    string KetQua,
    IReadOnlyDictionary<string, (string KhaiBao, string CoSoDuLieu)> TruongSaiLech,
    string? ThuongTru,
    string? NoiOHienTai,
    DateTimeOffset ThoiDiemXacMinh,
    DateTimeOffset RecordedAt);
