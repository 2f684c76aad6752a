namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>An identifier of the dossier's owner (DinhDanhCHS item).</summary>
/// <param name="LoaiDinhDanh">Assumed "1" a citizen's 12-digit personal id, "2" an organisation's representative's.</param>
public sealed record DvcqgIdentity(string LoaiDinhDanh, string SoDinhDanh);
