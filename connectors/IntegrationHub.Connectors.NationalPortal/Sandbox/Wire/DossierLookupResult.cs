namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;

/// <summary>TraCuuHoSo's result for a dossier the portal has.</summary>
internal sealed record DossierLookupResult(string MaHoSo, string MaTTHC, string TrangThaiHoSo);
