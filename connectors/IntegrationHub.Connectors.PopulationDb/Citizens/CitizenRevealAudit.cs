namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>A reveal as its audit export shows it: who saw which lookup's id, when and why, with the lookup's dossier
/// and the id masked (the export never carries an id whole, whoever downloads it).</summary>
public sealed record CitizenRevealAudit(CitizenLookupReveal Reveal, string? Dossier, string PersonalIdMasked);
