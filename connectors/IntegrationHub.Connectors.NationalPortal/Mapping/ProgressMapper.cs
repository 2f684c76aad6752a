using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>Maps an iGate processing step (its local camelCase shape) to the portal's CapNhatTienDoHoSoMC item.</summary>
public sealed class ProgressMapper(StatusMapper statuses, TimeZoneInfo zone)
{
    private const string What = "progress";

    public bool TryMap(string payload, [NotNullWhen(true)] out DvcqgProgress? progress, [NotNullWhen(false)] out string? problem) =>
        PayloadMapping.TryMap(payload, What, Map, out progress, out problem);

    private DvcqgProgress Map(IGatePayload source) => new()
    {
        MaHoSo = source.RequiredText("maHoSo"),
        Stt = source.RequiredInt("stt"),
        NguoiXuLy = source.OptionalText("nguoiXuLy"),
        ChucDanh = source.OptionalText("chucDanh"),
        ThoiDiemXuLy = source.RequiredDate("thoiDiemXuLy", zone),
        PhongBanXuLy = source.OptionalText("phongBanXuLy"),
        NoiDungXuLy = source.OptionalText("noiDungXuLy"),
        TrangThai = source.Status("trangThai", statuses).ToString(CultureInfo.InvariantCulture),
        NgayBatDau = source.OptionalDate("ngayBatDau", zone),
        NgayKetThucTheoQuyDinh = source.OptionalDate("ngayKetThucTheoQuyDinh", zone),
    };
}
