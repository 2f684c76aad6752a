namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>One field where the dossier's declaration and the population database differ.</summary>
/// <param name="Truong">HoVaTen or NgaySinh.</param>
/// <param name="KhaiBao">What the dossier declares.</param>
/// <param name="CoSoDuLieu">What the database holds.</param>
internal sealed record IGateCitizenCheckField(string? Truong, string? KhaiBao, string? CoSoDuLieu);
