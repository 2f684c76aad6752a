namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>A dossier's latest completed lookup: which message asked, for which declaration, and what was written back.</summary>
public sealed record VerifiedLookup(long Id, long? MessageId, string DeclaredHash, string Result);
