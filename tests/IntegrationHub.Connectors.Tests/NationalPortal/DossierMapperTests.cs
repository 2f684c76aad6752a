using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Mapping;
using Xunit;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class DossierMapperTests
{
    private static readonly TimeZoneInfo Vietnam = DvcqgDateFormat.ResolveTimeZone("Asia/Ho_Chi_Minh");
    private static readonly StatusMapper Statuses = new(NationalPortalTestBed.DefaultStatusMap());
    private static readonly DossierMapper Dossiers = new(Statuses, Vietnam);
    private static readonly ProgressMapper Steps = new(Statuses, Vietnam);

    [Fact]
    public void Dossier_maps_to_the_portal_fields()
    {
        var payload = IGatePayloads.Dossier("H56.22-250301-0001", "DA_TRA_KET_QUA");
        payload["ngayNop"] = "2025-03-01T01:15:00Z";

        Assert.True(Dossiers.TryMap(payload.ToJsonString(), out var dossier, out var problem), problem);

        Assert.Equal("H56.22-250301-0001", dossier.MaHoSo);
        Assert.Equal(IGatePayloads.ProcedureCode, dossier.MaTTHC);
        Assert.Equal("Cấp giấy phép xây dựng nhà ở riêng lẻ", dossier.TenTTHC);
        Assert.Equal(("XD", "Xây dựng"), (dossier.MaLinhVuc, dossier.TenLinhVuc));
        Assert.Equal("Nguyễn Thị Hồng Nhung", dossier.ChuHoSo);
        Assert.Equal("1", dossier.LoaiDoiTuong);
        Assert.Equal("001185012345", dossier.MaDoiTuong);
        Assert.Equal([new DvcqgIdentity("1", "001185012345")], dossier.DinhDanhCHS);
        Assert.Equal("Xin cấp phép xây nhà 3 tầng", dossier.TrichYeuHoSo);
        Assert.Equal("20250301081500", dossier.NgayNopHoSo);
        Assert.Equal("20250301090000", dossier.NgayTiepNhan);
        Assert.Equal("20250315170000", dossier.NgayHenTra);
        Assert.Equal("20250314103000", dossier.NgayTra);
        Assert.Equal("10", dossier.TrangThaiHoSo);
        Assert.Equal("000.00.12.H56", dossier.DonViXuLy);
        Assert.Equal(("2", "1"), (dossier.KenhThucHien, dossier.HinhThuc));
        Assert.Equal([new DvcqgFee("LP01", "Lệ phí cấp giấy phép", 75000)], dossier.DanhSachLePhi);
        var document = Assert.Single(dossier.TaiLieuNop);
        Assert.Equal(("TL01", "Đơn đề nghị cấp giấy phép", "don-de-nghi.pdf", 102400L, "https://igate.example/files/TL01"),
            (document.TepDinhKemId, document.TenThanhPhanHoSo, document.TenTepDinhKem, document.DungLuong!.Value, document.DuongDanTaiTepTin));
    }

    [Fact]
    public void Dossier_goes_on_the_wire_with_the_reference_field_names()
    {
        Assert.True(Dossiers.TryMap(IGatePayloads.Dossier("HS-1").ToJsonString(), out var dossier, out _));

        using var wire = JsonDocument.Parse(JsonSerializer.Serialize(dossier));

        string[] reference =
        [
            "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "ChuHoSo", "LoaiDoiTuong", "MaDoiTuong", "Email", "SoDienThoai",
            "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "NgayTra", "HinhThuc", "DonViXuLy", "KenhThucHien",
            "NgayNopHoSo", "DinhDanhCHS", "TaiLieuNop", "DanhSachLePhi", "DanhSachHoSoBoSung", "DanhSachGiayToKetQua",
        ];
        var names = wire.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(reference, name => Assert.Contains(name, names));
        Assert.Equal(["LoaiDinhDanh", "SoDinhDanh"], wire.RootElement.GetProperty("DinhDanhCHS")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, wire.RootElement.GetProperty("DanhSachLePhi")[0].GetProperty("Gia").ValueKind);
    }

    [Fact]
    public void Progress_maps_to_the_portal_fields()
    {
        var payload = IGatePayloads.Progress("HS-1", 3, "CHO_BO_SUNG");
        payload["thoiDiemXuLy"] = "2025-03-02T17:00:00Z";

        Assert.True(Steps.TryMap(payload.ToJsonString(), out var step, out var problem), problem);

        Assert.Equal(("HS-1", 3, "5"), (step.MaHoSo, step.Stt, step.TrangThai));
        Assert.Equal(("Trần Văn Bình", "Chuyên viên", "Phòng Quản lý đô thị", "Bước xử lý 3"),
            (step.NguoiXuLy, step.ChucDanh, step.PhongBanXuLy, step.NoiDungXuLy));
        Assert.Equal(("20250303000000", "20250302080000", "20250305170000"), (step.ThoiDiemXuLy, step.NgayBatDau, step.NgayKetThucTheoQuyDinh));
        using var wire = JsonDocument.Parse(JsonSerializer.Serialize(step));
        Assert.Equal(3, wire.RootElement.GetProperty("STT").GetInt32());
    }

    [Theory]
    [InlineData("maHoSo", null, "The dossier payload has no 'maHoSo'.")]
    [InlineData("maTTHC", "  ", "The dossier payload has no 'maTTHC'.")]
    [InlineData("trangThai", null, "The dossier payload has no 'trangThai'.")]
    [InlineData("ngayNop", "2025-03-01T08:15:00", "'ngayNop' of the dossier payload is '2025-03-01T08:15:00', not an ISO-8601 date with an offset (e.g. 2025-03-01T08:30:00+07:00).")]
    [InlineData("ngayHenTra", "15/03/2025", "'ngayHenTra' of the dossier payload is '15/03/2025', not an ISO-8601 date with an offset (e.g. 2025-03-01T08:30:00+07:00).")]
    [InlineData("loaiDoiTuong", "công dân", "'loaiDoiTuong' of the dossier payload is 'công dân', not an integer.")]
    public void Dossier_with_a_missing_or_malformed_field_is_not_mapped(string field, string? value, string expected)
    {
        var payload = IGatePayloads.Dossier("HS-1");
        payload[field] = value;

        Assert.False(Dossiers.TryMap(payload.ToJsonString(), out var dossier, out var problem));
        Assert.Null(dossier);
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"maHoSo\":\"HS-1\",\"lePhi\":{}}")]
    public void Payload_that_is_not_a_dossier_object_is_not_mapped(string payload)
    {
        Assert.False(Dossiers.TryMap(payload, out _, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Progress_without_stt_is_not_mapped()
    {
        var payload = IGatePayloads.Progress("HS-1", 1);
        payload.Remove("stt");

        Assert.False(Steps.TryMap(payload.ToJsonString(), out _, out var problem));
        Assert.Equal("The progress payload has no 'stt'.", problem);
    }
}
