namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>A citizen's satisfaction evaluation of a dossier as iGate records it (serialized camelCase). Fields are
/// passed on as received, null when missing or of the wrong type: iGate decides what is valid.</summary>
/// <param name="DiemDanhGia">1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="ThoiGianDanhGia">yyyyMMddHHmmss, Asia/Ho_Chi_Minh.</param>
internal sealed record IGateEvaluation(string? MaHoSo, long? DiemDanhGia, string? NoiDungDanhGia, string? ThoiGianDanhGia);
