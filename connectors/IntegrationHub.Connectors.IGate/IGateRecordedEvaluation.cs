namespace IntegrationHub.Connectors.IGate;

/// <summary>A citizen's satisfaction evaluation of a dossier as the iGate sandbox recorded it. One per dossier and
/// <see cref="ThoiGianDanhGia"/>: an evaluation sent again with the same time replaces the earlier one.</summary>
/// <param name="DiemDanhGia">1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="ThoiGianDanhGia">When the citizen evaluated, +07:00.</param>
/// <param name="RecordedAt">When iGate recorded it (the sandbox's clock).</param>
public sealed record IGateRecordedEvaluation(
    string MaHoSo,
    int DiemDanhGia,
    string? NoiDungDanhGia,
    DateTimeOffset ThoiGianDanhGia,
    DateTimeOffset RecordedAt);
