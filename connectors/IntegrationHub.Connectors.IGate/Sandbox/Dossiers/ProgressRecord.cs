using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>One processing step of a dossier, appended on every status change and never changed after.</summary>
internal sealed record ProgressRecord
{
    /// <summary><c>{maHoSo}-{stt:000}</c>: zero-padded so that one dossier's steps sharing a timestamp sort by stt.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    [JsonPropertyName("maHoSo")] public required string MaHoSo { get; init; }

    /// <summary>1..n within the dossier.</summary>
    [JsonPropertyName("stt")] public required int Stt { get; init; }

    [JsonPropertyName("nguoiXuLy")] public required string NguoiXuLy { get; init; }

    [JsonPropertyName("chucDanh")] public required string ChucDanh { get; init; }

    [JsonPropertyName("phongBanXuLy")] public required string PhongBanXuLy { get; init; }

    [JsonPropertyName("noiDungXuLy")] public required string NoiDungXuLy { get; init; }

    /// <summary>The dossier's status after this step, one of <see cref="IGateDossierStatus"/>.</summary>
    [JsonPropertyName("trangThai")] public required string TrangThai { get; init; }

    [JsonPropertyName("thoiDiemXuLy")] public required DateTimeOffset ThoiDiemXuLy { get; init; }

    [JsonPropertyName("ngayBatDau")] public required DateTimeOffset NgayBatDau { get; init; }

    [JsonPropertyName("ngayKetThucTheoQuyDinh")] public required DateTimeOffset NgayKetThucTheoQuyDinh { get; init; }

    [JsonPropertyName("recordedAt")] public required DateTimeOffset RecordedAt { get; init; }
}
