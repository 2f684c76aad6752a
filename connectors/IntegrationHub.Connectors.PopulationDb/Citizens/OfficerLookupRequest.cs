namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>Body of <c>POST /api/citizen-lookups</c>: an officer checks what a citizen declares.</summary>
/// <param name="NgaySinh">yyyy-MM-dd.</param>
/// <param name="MaHoSo">The dossier the check is for (recorded in the audit), when there is one.</param>
public sealed record OfficerLookupRequest(string? SoDinhDanh, string? HoVaTen, string? NgaySinh, string? MaHoSo)
{
    public override string ToString() => $"OfficerLookupRequest {{ MaHoSo = {MaHoSo} }}";
}
