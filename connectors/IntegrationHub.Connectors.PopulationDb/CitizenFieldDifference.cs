namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>A field where the declaration and the database disagree.</summary>
/// <param name="Field">The request field's name: <c>HoVaTen</c> or <c>NgaySinh</c>.</param>
/// <param name="Declared">What the query said (a date as yyyyMMdd).</param>
/// <param name="Recorded">What the database holds.</param>
public sealed record CitizenFieldDifference(string Field, string Declared, string Recorded);
