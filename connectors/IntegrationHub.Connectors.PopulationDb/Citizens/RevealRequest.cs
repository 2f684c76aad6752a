namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>Body of <c>POST /api/citizen-lookups/{id}/reveal</c>: why the full personal id is needed.</summary>
public sealed record RevealRequest(string? Reason);
