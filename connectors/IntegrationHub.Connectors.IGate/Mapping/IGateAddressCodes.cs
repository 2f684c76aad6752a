namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>An address as administrative codes (province, district, ward).</summary>
internal sealed record IGateAddressCodes(string? MaTinhThanh, string? MaQuanHuyen, string? MaPhuongXa);
