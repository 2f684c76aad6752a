using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>Maps an iGate dossier (its local camelCase shape) to the portal's DongBoHoSoMC item. Only what the mapping
/// itself needs is required here (codes, status, submission date, well-formed values); the portal's own rules
/// (formats, required fields per status) are the portal's to enforce and come back as its error codes.</summary>
public sealed class DossierMapper(StatusMapper statuses, TimeZoneInfo zone)
{
    private const string What = "dossier";

    public bool TryMap(string payload, [NotNullWhen(true)] out DvcqgDossier? dossier, [NotNullWhen(false)] out string? problem) =>
        PayloadMapping.TryMap(payload, What, Map, out dossier, out problem);

    private DvcqgDossier Map(IGatePayload source)
    {
        var ownerKind = source.RequiredInt("loaiDoiTuong");
        var channel = source.RequiredInt("kenhThucHien");
        var personalId = source.OptionalText("soDinhDanh");
        return new DvcqgDossier
        {
            MaHoSo = source.RequiredText("maHoSo"),
            MaTTHC = source.RequiredText("maTTHC"),
            TenTTHC = source.OptionalText("tenTTHC"),
            MaLinhVuc = source.OptionalText("maLinhVuc"),
            TenLinhVuc = source.OptionalText("tenLinhVuc"),
            ChuHoSo = source.RequiredText("chuHoSo"),
            LoaiDoiTuong = Text(ownerKind),
            MaDoiTuong = personalId,
            Email = source.OptionalText("email"),
            SoDienThoai = source.OptionalText("soDienThoai"),
            TrichYeuHoSo = source.OptionalText("trichYeu"),
            NgayNopHoSo = source.RequiredDate("ngayNop", zone),
            NgayTiepNhan = source.OptionalDate("ngayTiepNhan", zone),
            NgayHenTra = source.OptionalDate("ngayHenTra", zone),
            TrangThaiHoSo = Text(source.Status("trangThai", statuses)),
            NgayTra = source.OptionalDate("ngayTra", zone),
            HinhThuc = channel == 2 ? "1" : "0",
            DonViXuLy = source.OptionalText("donViXuLy"),
            KenhThucHien = Text(channel),
            DinhDanhCHS = personalId is null ? [] : [new DvcqgIdentity(ownerKind == 1 ? "1" : "2", personalId)],
            TaiLieuNop = [.. source.Objects("taiLieuNop").Select(Document)],
            DanhSachLePhi = [.. source.Objects("lePhi").Select(Fee)],
        };
    }

    private static DvcqgDocument Document(IGatePayload document) => new()
    {
        TepDinhKemId = document.RequiredText("maTaiLieu"),
        TenThanhPhanHoSo = document.OptionalText("tenTaiLieu"),
        TenTepDinhKem = document.OptionalText("tenTep"),
        DungLuong = document.OptionalAmount("dungLuong"),
        DuongDanTaiTepTin = document.OptionalText("duongDan"),
    };

    private static DvcqgFee Fee(IGatePayload fee) =>
        new(fee.OptionalText("maPhiLePhi"), fee.OptionalText("tenPhiLePhi"), fee.OptionalAmount("soTien") ?? 0);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
