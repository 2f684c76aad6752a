using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Connectors.PopulationDb.Client;
using IntegrationHub.Connectors.PopulationDb.Protocol;

namespace IntegrationHub.Connectors.PopulationDb.Sandbox;

/// <summary>The shared generated citizens (<see cref="SandboxCitizenGenerator"/>) as the platform's CongDan records, so
/// the iGate sandbox's applicants, drawn from the same people, are found here.</summary>
internal static class SandboxPopulation
{
    public static List<CongDan> Generate(int count, int seed, string provinceCode) =>
        [.. SandboxCitizenGenerator.Generate(count, seed, provinceCode).Select(ToCongDan)];

    private static CongDan ToCongDan(SandboxCitizen c) => new()
    {
        SoDinhDanh = c.SoDinhDanh,
        HoVaTen = c.HoVaTen,
        NgaySinh = CitizenMatcher.FormatDate(c.NgaySinh),
        GioiTinh = c.Female ? "2" : "1",
        ThuongTru = ToCodes(c.ThuongTru),
        NoiOHienTai = ToCodes(c.NoiOHienTai),
        QueQuan = ToCodes(c.QueQuan),
    };

    private static DiaChiHanhChinh ToCodes(SandboxAddress a) => new() { MaTinhThanh = a.MaTinhThanh, MaQuanHuyen = a.MaQuanHuyen, MaPhuongXa = a.MaPhuongXa };
}
