namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>One dossier as the sandbox portal holds it (<c>GET /sandbox/dossiers/{maHoSo}</c>).</summary>
/// <param name="StatusHistory">TrangThaiHoSo of every applied push, in order (creation first).</param>
/// <param name="Progress">Stored steps in arrival order.</param>
/// <param name="OrderViolations">This dossier's share of <see cref="NationalPortalDossierStats.OrderViolations"/>.</param>
public sealed record NationalPortalDossierView(
    string MaHoSo,
    string MaTTHC,
    string? ChuHoSo,
    int TrangThaiHoSo,
    string? NgayNopHoSo,
    string? NgayTiepNhan,
    string? NgayHenTra,
    string? NgayTra,
    IReadOnlyList<int> StatusHistory,
    IReadOnlyList<NationalPortalProgressView> Progress,
    int Updates,
    int OrderViolations);
