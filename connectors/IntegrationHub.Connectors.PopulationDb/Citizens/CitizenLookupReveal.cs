namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>An audited reveal of a lookup's full personal id.</summary>
public sealed record CitizenLookupReveal(long Id, long LookupId, DateTimeOffset RevealedAt, string RevealedBy, string Reason);
