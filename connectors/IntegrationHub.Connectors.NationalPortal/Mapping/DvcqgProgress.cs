using System.Text.Json.Serialization;

namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>A processing step as CapNhatTienDoHoSoMC carries it; property names are the wire names.</summary>
public sealed record DvcqgProgress
{
    public required string MaHoSo { get; init; }

    /// <summary>The step's number within the dossier (iGate's stt, 1..n). Not in the reference field list: added so
    /// the portal can keep steps in order and a test can see a step applied twice or out of order.</summary>
    [JsonPropertyName("STT")]
    public required int Stt { get; init; }

    public string? NguoiXuLy { get; init; }

    public string? ChucDanh { get; init; }

    public required string ThoiDiemXuLy { get; init; }

    public string? PhongBanXuLy { get; init; }

    public string? NoiDungXuLy { get; init; }

    /// <summary>The dossier's TrangThaiHoSo after this step (0..10), through the configured StatusMap.</summary>
    public required string TrangThai { get; init; }

    public string? NgayBatDau { get; init; }

    public string? NgayKetThucTheoQuyDinh { get; init; }

    /// <summary>The hub's key of this step; the portal applies it once.</summary>
    public string? IdempotencyKey { get; init; }
}
