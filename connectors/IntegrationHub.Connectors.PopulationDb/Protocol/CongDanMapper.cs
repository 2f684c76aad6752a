namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>Between the wire's <see cref="CongDan"/> and the connector's <see cref="CitizenRecord"/>, for the client's
/// answers and the sandbox's store alike. A missing address reads as empty codes.</summary>
internal static class CongDanMapper
{
    public static CitizenRecord ToRecord(CongDan c) =>
        new(c.SoDinhDanh, c.HoVaTen, c.NgaySinh, c.GioiTinh, ToAddress(c.ThuongTru), ToAddress(c.NoiOHienTai), ToAddress(c.QueQuan));

    public static CongDan ToCongDan(CitizenRecord r) => new()
    {
        SoDinhDanh = r.SoDinhDanh,
        HoVaTen = r.HoVaTen,
        NgaySinh = r.NgaySinh,
        GioiTinh = r.GioiTinh,
        ThuongTru = ToCodes(r.ThuongTru),
        NoiOHienTai = ToCodes(r.NoiOHienTai),
        QueQuan = ToCodes(r.QueQuan),
    };

    private static CitizenAddress ToAddress(DiaChiHanhChinh? a) =>
        a is null ? new CitizenAddress("", "", "") : new CitizenAddress(a.MaTinhThanh, a.MaQuanHuyen, a.MaPhuongXa);

    private static DiaChiHanhChinh ToCodes(CitizenAddress a) => new() { MaTinhThanh = a.MaTinhThanh, MaQuanHuyen = a.MaQuanHuyen, MaPhuongXa = a.MaPhuongXa };
}
