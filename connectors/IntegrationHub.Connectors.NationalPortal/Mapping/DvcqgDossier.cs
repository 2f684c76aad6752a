namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>A dossier as DongBoHoSoMC carries it; property names are the wire names. Codes travel as text (as other
/// implementations send them), money as integer VND, dates as <see cref="DvcqgDateFormat.Pattern"/>.</summary>
public sealed record DvcqgDossier
{
    public required string MaHoSo { get; init; }

    public required string MaTTHC { get; init; }

    public string? TenTTHC { get; init; }

    public string? MaLinhVuc { get; init; }

    public string? TenLinhVuc { get; init; }

    public required string ChuHoSo { get; init; }

    /// <summary>1 citizen, 2 business, 3 state agency, 4 other.</summary>
    public required string LoaiDoiTuong { get; init; }

    /// <summary>The applicant's identifier: iGate's soDinhDanh.</summary>
    public string? MaDoiTuong { get; init; }

    public string? Email { get; init; }

    public string? SoDienThoai { get; init; }

    public string? TrichYeuHoSo { get; init; }

    public required string NgayNopHoSo { get; init; }

    public string? NgayTiepNhan { get; init; }

    public string? NgayHenTra { get; init; }

    /// <summary>0..10, from iGate's local status through the configured StatusMap.</summary>
    public required string TrangThaiHoSo { get; init; }

    public string? NgayTra { get; init; }

    /// <summary>Assumed "1" submitted online, "0" otherwise: no public definition of this field was found.</summary>
    public required string HinhThuc { get; init; }

    public string? DonViXuLy { get; init; }

    /// <summary>1 direct, 2 online, 3 postal.</summary>
    public required string KenhThucHien { get; init; }

    public IReadOnlyList<DvcqgIdentity> DinhDanhCHS { get; init; } = [];

    public IReadOnlyList<DvcqgDocument> TaiLieuNop { get; init; } = [];

    public IReadOnlyList<DvcqgFee> DanhSachLePhi { get; init; } = [];

    /// <summary>iGate's payload has no supplements or result papers; sent empty so the shape is complete.</summary>
    public IReadOnlyList<object> DanhSachHoSoBoSung { get; init; } = [];

    public IReadOnlyList<object> DanhSachGiayToKetQua { get; init; } = [];

    /// <summary>The hub's key of this dossier version; the portal applies it once (see the sandbox).</summary>
    public string? IdempotencyKey { get; init; }
}
