namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>A submitted document (TaiLieuNop item). Field names follow the sync payload other implementations send
/// (TepDinhKemId, TenTepDinhKem, DuongDanTaiTepTin); not checked against an official specification.</summary>
public sealed record DvcqgDocument
{
    public required string TepDinhKemId { get; init; }

    public string? TenThanhPhanHoSo { get; init; }

    public string? TenTepDinhKem { get; init; }

    /// <summary>Bytes.</summary>
    public long? DungLuong { get; init; }

    public string? DuongDanTaiTepTin { get; init; }
}
