namespace IntegrationHub.Connectors.IGate;

/// <summary>A snapshot of the iGate sandbox's dossiers.</summary>
/// <param name="ProgressEntries">One per dossier creation plus one per status change.</param>
/// <param name="StatusChanges">Transitions after creation.</param>
/// <param name="Open">Dossiers whose status is not final.</param>
/// <param name="ByStatus">Dossiers per current <see cref="IGateDossierStatus"/> (statuses with none left out).</param>
public sealed record IGateDossierStats(
    int Dossiers,
    int ProgressEntries,
    int StatusChanges,
    int Open,
    IReadOnlyDictionary<string, int> ByStatus);
