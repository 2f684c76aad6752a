namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>What a dossier says about a citizen, to be checked against the population database.</summary>
/// <param name="SoDinhDanh">The 12-digit personal id.</param>
/// <param name="HoVaTen">Full name as declared.</param>
/// <param name="NgaySinh">Date of birth as declared.</param>
/// <param name="MaDVC">The public service the lookup is made for (audited by the platform).</param>
/// <param name="MaCanBo">The officer who asks (audited).</param>
/// <param name="MaYeuCau">The dossier code or another request id (audited).</param>
/// <param name="SoCMND">The old identity card number, when known.</param>
public sealed record CitizenQuery(
    string SoDinhDanh,
    string HoVaTen,
    DateOnly NgaySinh,
    string MaDVC = "",
    string MaCanBo = "",
    string MaYeuCau = "",
    string SoCMND = "")
{
    /// <summary>Shows the id masked: records print every member, and queries end up in logs.</summary>
    public override string ToString() =>
        $"CitizenQuery {{ SoDinhDanh = {PersonalIdMask.Mask(SoDinhDanh)}, MaDVC = {MaDVC}, MaCanBo = {MaCanBo}, MaYeuCau = {MaYeuCau} }}";
}
