namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>One citizen as the database sends it. FROM THE REFERENCE: SoDinhDanh, ThuongTru, NoiOHienTai, QueQuan and
/// their three codes. DESIGNED: HoVaTen, NgaySinh (yyyyMMdd) and GioiTinh ("1" male, "2" female).</summary>
public sealed class CongDan
{
    public string SoDinhDanh { get; set; } = string.Empty;

    public string HoVaTen { get; set; } = string.Empty;

    public string NgaySinh { get; set; } = string.Empty;

    public string GioiTinh { get; set; } = string.Empty;

    public DiaChiHanhChinh ThuongTru { get; set; } = new();

    public DiaChiHanhChinh NoiOHienTai { get; set; } = new();

    public DiaChiHanhChinh QueQuan { get; set; } = new();
}
