using System.Text.Json.Nodes;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

/// <summary>iGate dossiers and progress steps in iGate's local shape, as the hub hands them to the connector.</summary>
internal static class IGatePayloads
{
    public const string ProcedureCode = "1.003560.000.00.00.H56";

    public static JsonObject Dossier(string maHoSo, string trangThai = "MOI_TIEP_NHAN", int version = 1)
    {
        var dossier = new JsonObject
        {
            ["maHoSo"] = maHoSo,
            ["maTTHC"] = ProcedureCode,
            ["tenTTHC"] = "Cấp giấy phép xây dựng nhà ở riêng lẻ",
            ["maLinhVuc"] = "XD",
            ["tenLinhVuc"] = "Xây dựng",
            ["chuHoSo"] = "Nguyễn Thị Hồng Nhung",
            ["loaiDoiTuong"] = 1,
            ["soDinhDanh"] = "001185012345",
            ["email"] = "nhung@example.vn",
            ["soDienThoai"] = "0912345678",
            ["trichYeu"] = "Xin cấp phép xây nhà 3 tầng",
            ["ngayNop"] = "2025-03-01T08:15:00+07:00",
            ["ngayTiepNhan"] = "2025-03-01T09:00:00+07:00",
            ["ngayHenTra"] = "2025-03-15T17:00:00+07:00",
            ["ngayTra"] = null,
            ["trangThai"] = trangThai,
            ["donViXuLy"] = "000.00.12.H56",
            ["tenDonViXuLy"] = "UBND huyện Chợ Mới",
            ["kenhThucHien"] = 2,
            ["lePhi"] = new JsonArray(new JsonObject { ["maPhiLePhi"] = "LP01", ["tenPhiLePhi"] = "Lệ phí cấp giấy phép", ["soTien"] = 75000 }),
            ["taiLieuNop"] = new JsonArray(new JsonObject
            {
                ["maTaiLieu"] = "TL01",
                ["tenTaiLieu"] = "Đơn đề nghị cấp giấy phép",
                ["tenTep"] = "don-de-nghi.pdf",
                ["dungLuong"] = 102400,
                ["duongDan"] = "https://igate.example/files/TL01",
            }),
            ["version"] = version,
            ["updatedAt"] = "2025-03-01T09:00:00+07:00",
        };
        if (trangThai == "DA_TRA_KET_QUA")
        {
            dossier["ngayTra"] = "2025-03-14T10:30:00+07:00";
        }

        return dossier;
    }

    public static JsonObject Progress(string maHoSo, int stt, string trangThai = "DANG_XU_LY") => new()
    {
        ["id"] = $"{maHoSo}-{stt:000}",
        ["maHoSo"] = maHoSo,
        ["stt"] = stt,
        ["nguoiXuLy"] = "Trần Văn Bình",
        ["chucDanh"] = "Chuyên viên",
        ["phongBanXuLy"] = "Phòng Quản lý đô thị",
        ["noiDungXuLy"] = $"Bước xử lý {stt}",
        ["trangThai"] = trangThai,
        ["thoiDiemXuLy"] = "2025-03-02T14:30:00+07:00",
        ["ngayBatDau"] = "2025-03-02T08:00:00+07:00",
        ["ngayKetThucTheoQuyDinh"] = "2025-03-05T17:00:00+07:00",
        ["recordedAt"] = "2025-03-02T14:30:01+07:00",
    };

    /// <summary>A message as the hub builds it; the key defaults to one per dossier version / progress step.</summary>
    public static OutboundMessage Message(long id, JsonObject payload, string? key = null)
    {
        var maHoSo = payload["maHoSo"]?.GetValue<string>() ?? "?";
        var discriminator = payload["stt"] is { } stt ? $"stt{stt}" : $"v{payload["version"]}";
        return new OutboundMessage(id, key ?? $"hub:flow:{maHoSo}:{discriminator}", maHoSo, maHoSo, payload.ToJsonString(), 1);
    }

    public static OutboundMessage[] Messages(params JsonObject[] payloads) =>
        [.. payloads.Select((payload, i) => Message(i + 1, payload))];
}
