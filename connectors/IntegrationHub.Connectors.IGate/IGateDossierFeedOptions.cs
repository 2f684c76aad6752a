using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.IGate;

/// <summary>Dossiers the iGate sandbox makes by itself, bound from <c>Sandboxes:igate:Dossiers</c>.</summary>
public sealed class IGateDossierFeedOptions
{
    /// <summary>Dossiers generated at start, each walked through a random 0..<see cref="InitialMaxStatusChanges"/> changes
    /// so the demo opens on a mix of statuses.</summary>
    [Range(0, IGateDossierSet.MaxDossiersPerCall, ErrorMessage = "Dossiers:InitialCount must be between 0 and 1000000.")]
    public int InitialCount { get; set; }

    [Range(0, IGateDossierSet.MaxStatusChangesPerDossier, ErrorMessage = "Dossiers:InitialMaxStatusChanges must be between 0 and 50.")]
    public int InitialMaxStatusChanges { get; set; } = 6;

    /// <summary>When positive, every interval the sandbox files <see cref="NewPerTick"/> dossiers and advances
    /// <see cref="AdvancesPerTick"/> open ones, for a live demo. Zero (the default) turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Dossiers:GenerateEvery must be between 00:00:00 (off) and 1.00:00:00.")]
    public TimeSpan GenerateEvery { get; set; }

    [Range(0, 10_000, ErrorMessage = "Dossiers:NewPerTick must be between 0 and 10000.")]
    public int NewPerTick { get; set; } = 3;

    [Range(0, 10_000, ErrorMessage = "Dossiers:AdvancesPerTick must be between 0 and 10000.")]
    public int AdvancesPerTick { get; set; } = 10;
}
