namespace IntegrationHub.Connectors.PopulationDb.Protocol;

/// <summary>An administrative address as codes: province, district, ward (from the reference).</summary>
public sealed class DiaChiHanhChinh
{
    public string MaTinhThanh { get; set; } = string.Empty;

    public string MaQuanHuyen { get; set; } = string.Empty;

    public string MaPhuongXa { get; set; } = string.Empty;
}
