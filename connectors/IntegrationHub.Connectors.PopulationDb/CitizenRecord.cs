namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>A citizen as the population database holds them.</summary>
/// <param name="NgaySinh">Date of birth exactly as sent (yyyyMMdd).</param>
/// <param name="GioiTinh">"1" male, "2" female.</param>
public sealed record CitizenRecord(
    string SoDinhDanh,
    string HoVaTen,
    string NgaySinh,
    string GioiTinh,
    CitizenAddress ThuongTru,
    CitizenAddress NoiOHienTai,
    CitizenAddress QueQuan)
{
    public override string ToString() => $"CitizenRecord {{ SoDinhDanh = {PersonalIdMask.Mask(SoDinhDanh)} }}";
}
