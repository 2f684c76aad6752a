namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>A stored dossier. Mutable, and touched only under <see cref="SandboxDossierStore"/>'s lock.</summary>
internal sealed class SandboxDossier(SandboxDossierItem latest)
{
    public SandboxDossierItem Latest { get; private set; } = latest;

    public List<int> StatusHistory { get; } = [latest.TrangThaiHoSo];

    public List<NationalPortalProgressView> Progress { get; } = [];

    public int Updates { get; private set; }

    public int OrderViolations { get; set; }

    public void Update(SandboxDossierItem item)
    {
        Latest = item;
        StatusHistory.Add(item.TrangThaiHoSo);
        Updates++;
    }

    public NationalPortalDossierView ToView() => new(
        Latest.MaHoSo,
        Latest.MaTTHC,
        Latest.ChuHoSo,
        Latest.TrangThaiHoSo,
        Latest.NgayNopHoSo,
        Latest.NgayTiepNhan,
        Latest.NgayHenTra,
        Latest.NgayTra,
        [.. StatusHistory],
        [.. Progress],
        Updates,
        OrderViolations);
}
