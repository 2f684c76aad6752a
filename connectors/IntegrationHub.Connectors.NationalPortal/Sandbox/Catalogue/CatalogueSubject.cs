namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Catalogue;

/// <summary>What a procedure is about; its name is one of <see cref="Actions"/> + the subject + one of
/// <see cref="Qualifiers"/> (an empty qualifier leaves the name plain).</summary>
internal sealed record CatalogueSubject(
    string Name,
    CatalogueField Field,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Qualifiers);
