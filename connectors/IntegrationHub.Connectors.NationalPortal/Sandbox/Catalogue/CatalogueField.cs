namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>A field (lĩnh vực) of the generated catalogue: who handles it, at which level, under which main law.</summary>
internal sealed record CatalogueField(string Code, string Name, string Level, ProcedureAgency Agency, LegalBasis MainLaw);
