namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>The answer of <c>POST /api/citizen-lookups/{id}/reveal</c>: the full personal id, and who it was revealed to
/// (the reveal itself is audited).</summary>
public sealed record RevealAnswer(long LookupId, string PersonalId, string RevealedBy);
