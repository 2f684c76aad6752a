using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.NationalPortal.Sandbox;

namespace IntegrationHub.Benchmarks;

/// <summary>The dossier counterparties, in this process on free ports: an iGate whose dossiers and progress are all
/// generated before the hub starts (no background feed), and an empty National Portal to push them to. Each run gets
/// a fresh pair from the same seed, so both runs sync the same data.</summary>
internal sealed class DossierSandboxes : IAsyncDisposable
{
    public const int Seed = 56;

    /// <summary>Per dossier: its creation plus this many status changes, each one progress entry (fewer when a dossier
    /// is refused or cancelled early).</summary>
    public const int StatusChangesPerDossier = 3;

    private DossierSandboxes(IGateSandbox iGate, NationalPortalSandbox portal)
    {
        IGate = iGate;
        Portal = portal;
    }

    public IGateSandbox IGate { get; }

    public NationalPortalSandbox Portal { get; }

    public Uri IGateUrl => IGate.BaseAddress!;

    public Uri PortalUrl => Portal.BaseAddress!;

    public IGateDossierStats Expected { get; private set; } = null!;

    /// <summary>The portal holds every dossier and every progress entry iGate has.</summary>
    public bool Complete
    {
        get
        {
            var stats = Portal.DossierStats;
            return stats.DossierCount >= Expected.Dossiers && stats.ProgressEntries >= Expected.ProgressEntries;
        }
    }

    /// <summary>Generates, in one call, about <paramref name="changes"/> progress entries' worth of dossiers.</summary>
    public static async Task<DossierSandboxes> StartAsync(int changes, CancellationToken cancellationToken)
    {
        var dossiers = await DossiersForAsync(changes);
        var pair = new DossierSandboxes(
            NewIGate(),
            new NationalPortalSandbox(new NationalPortalSandboxOptions { ProcedureCount = 0, Username = SandboxPair.Username, Password = SandboxPair.Password }));
        try
        {
            pair.IGate.Dossiers.Generate(dossiers, StatusChangesPerDossier);
            pair.Expected = pair.IGate.Dossiers.Stats();
            await pair.IGate.StartAsync(cancellationToken);
            await pair.Portal.StartAsync(cancellationToken);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many dossiers make about <paramref name="changes"/> progress entries: some stop early (refused,
    /// cancelled), so the entries per dossier are measured on a throwaway set from the same seed. One call, not a
    /// first call topped up with small ones: a small call walks few dossiers per round, so one dossier's steps fall
    /// close together in the feed, which is a different (and, for the hub's record-key de-duplication, harder) load.</summary>
    private static async Task<int> DossiersForAsync(int changes)
    {
        var probe = NewIGate();
        try
        {
            var guess = Math.Max(1, changes / (StatusChangesPerDossier + 1));
            probe.Dossiers.Generate(guess, StatusChangesPerDossier);
            var perDossier = (double)probe.Dossiers.Stats().ProgressEntries / guess;
            return Math.Clamp((int)Math.Round(changes / perDossier), 1, IGateDossierSet.MaxDossiersPerCall);
        }
        finally
        {
            await probe.DisposeAsync();
        }
    }

    private static IGateSandbox NewIGate() =>
        new(new IGateSandboxOptions { ApiKey = SandboxPair.ApiKey, Seed = Seed, Dossiers = new IGateDossierFeedOptions { InitialCount = 0 } });

    public async ValueTask DisposeAsync()
    {
        await IGate.DisposeAsync();
        await Portal.DisposeAsync();
    }
}
