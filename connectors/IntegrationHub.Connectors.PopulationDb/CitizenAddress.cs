namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>An administrative address as codes (province, district, ward).</summary>
public sealed record CitizenAddress(string MaTinhThanh, string MaQuanHuyen, string MaPhuongXa);
