using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>One version of a dossier in iGate's own shape. Immutable: every change makes a new version, so a reader
/// can serialize what it took from the store without holding the store's lock. Names are pinned, not left to a
/// naming policy, because the national-portal connector maps exactly these.</summary>
internal sealed record DossierRecord
{
    [JsonPropertyName("maHoSo")] public required string MaHoSo { get; init; }

    [JsonPropertyName("maTTHC")] public required string MaTTHC { get; init; }

    [JsonPropertyName("tenTTHC")] public required string TenTTHC { get; init; }

    [JsonPropertyName("maLinhVuc")] public required string MaLinhVuc { get; init; }

    [JsonPropertyName("tenLinhVuc")] public required string TenLinhVuc { get; init; }

    [JsonPropertyName("chuHoSo")] public required string ChuHoSo { get; init; }

    /// <summary>1 citizen, 2 business, 3 agency, 4 other.</summary>
    [JsonPropertyName("loaiDoiTuong")] public required int LoaiDoiTuong { get; init; }

    /// <summary>The applicant's (or a business's legal representative's) 12-digit personal id.</summary>
    [JsonPropertyName("soDinhDanh")] public required string SoDinhDanh { get; init; }

    /// <summary>That person's date of birth as declared (serialized yyyy-MM-dd).</summary>
    [JsonPropertyName("ngaySinh")] public required DateOnly NgaySinh { get; init; }

    [JsonPropertyName("email")] public required string Email { get; init; }

    [JsonPropertyName("soDienThoai")] public required string SoDienThoai { get; init; }

    [JsonPropertyName("trichYeu")] public required string TrichYeu { get; init; }

    [JsonPropertyName("ngayNop")] public required DateTimeOffset NgayNop { get; init; }

    /// <summary>Provisional (the submission time) while the dossier waits for reception; the acceptance time after.</summary>
    [JsonPropertyName("ngayTiepNhan")] public required DateTimeOffset NgayTiepNhan { get; init; }

    [JsonPropertyName("ngayHenTra")] public required DateTimeOffset NgayHenTra { get; init; }

    /// <summary>Set when the result is released.</summary>
    [JsonPropertyName("ngayTra")] public DateTimeOffset? NgayTra { get; init; }

    /// <summary>One of <see cref="IGateDossierStatus"/>.</summary>
    [JsonPropertyName("trangThai")] public required string TrangThai { get; init; }

    [JsonPropertyName("donViXuLy")] public required string DonViXuLy { get; init; }

    [JsonPropertyName("tenDonViXuLy")] public required string TenDonViXuLy { get; init; }

    /// <summary>1 direct, 2 online, 3 postal.</summary>
    [JsonPropertyName("kenhThucHien")] public required int KenhThucHien { get; init; }

    /// <summary>How the applicant takes the result: TrucTiep (at the desk) or BuuChinh (by post, to
    /// <see cref="DiaChiNhanKetQua"/>).</summary>
    [JsonPropertyName("hinhThucNhanKetQua")] public required string HinhThucNhanKetQua { get; init; }

    /// <summary>Null unless the result goes by post.</summary>
    [JsonPropertyName("diaChiNhanKetQua")] public DossierDeliveryAddress? DiaChiNhanKetQua { get; init; }

    [JsonPropertyName("lePhi")] public required IReadOnlyList<DossierFee> LePhi { get; init; }

    [JsonPropertyName("taiLieuNop")] public required IReadOnlyList<DossierDocument> TaiLieuNop { get; init; }

    /// <summary>1 at creation, +1 on every change.</summary>
    [JsonPropertyName("version")] public required int Version { get; init; }

    [JsonPropertyName("updatedAt")] public required DateTimeOffset UpdatedAt { get; init; }
}
