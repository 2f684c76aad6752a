namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>A dossier's latest version and its progress entries, in stt order.</summary>
internal sealed class DossierState(DossierRecord current)
{
    public DossierRecord Current { get; set; } = current;

    public List<ProgressRecord> Steps { get; } = [];
}
