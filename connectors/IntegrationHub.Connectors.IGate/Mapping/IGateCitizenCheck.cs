namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>The population-database verification of a dossier's applicant, as iGate records it (serialized camelCase).
/// Values are passed on as received, null when missing: iGate decides what is valid.</summary>
/// <param name="KetQua">KHOP (match), KHONG_KHOP (mismatch) or KHONG_TIM_THAY (no such personal id).</param>
/// <param name="TruongSaiLech">The differing fields of a mismatch.</param>
/// <param name="ThoiDiemXacMinh">yyyyMMddHHmmss, Asia/Ho_Chi_Minh.</param>
internal sealed record IGateCitizenCheck(
    string? MaHoSo,
    string? KetQua,
    IReadOnlyList<IGateCitizenCheckField> TruongSaiLech,
    IGateAddressCodes? ThuongTru,
    IGateAddressCodes? NoiOHienTai,
    string? ThoiDiemXacMinh);
