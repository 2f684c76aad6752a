namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>A lookup's answer with its audit row and the citizen check it makes (the JSON written back to iGate).</summary>
public sealed record AuditedVerification(long LookupId, CitizenVerification Verification, string Result);
