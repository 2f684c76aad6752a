namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>A procedure the sandbox files dossiers under, with what a dossier of it carries.</summary>
/// <param name="WorkingDays">The legal time limit; 0 means "within the day" (the result is promised by noon or the next noon).</param>
/// <param name="ApplicantTypes">The loaiDoiTuong values that apply for it (1 citizen, 2 business, 3 agency, 4 other).</param>
/// <param name="Subjects">Trích yếu lines; one is drawn per dossier.</param>
/// <param name="Documents">(maTaiLieu, tenTaiLieu, tenTep) of the files submitted.</param>
internal sealed record DossierProcedure(
    string MaTTHC,
    string TenTTHC,
    string MaLinhVuc,
    string TenLinhVuc,
    string DonViXuLy,
    string TenDonViXuLy,
    string PhongBan,
    int WorkingDays,
    IReadOnlyList<int> ApplicantTypes,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<DossierFee> Fees,
    IReadOnlyList<(string Code, string Name, string File)> Documents);
