namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>The parts of a validated DongBoHoSoMC item that the sandbox keeps.</summary>
internal sealed record SandboxDossierItem(
    string MaHoSo,
    string MaTTHC,
    string? ChuHoSo,
    int TrangThaiHoSo,
    string? NgayNopHoSo,
    string? NgayTiepNhan,
    string? NgayHenTra,
    string? NgayTra,
    string? IdempotencyKey);
