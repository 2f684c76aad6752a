namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>A fee or charge of the dossier (DanhSachLePhi item); <see cref="Gia"/> in whole VND.</summary>
public sealed record DvcqgFee(string? MaPhiLePhi, string? TenPhiLePhi, long Gia);
