namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

/// <summary>What the sandbox portal holds and has refused (<c>GET /sandbox/dossiers/stats</c>).</summary>
/// <param name="DossierCount">Dossiers stored (created by DongBoHoSoMC or seeded).</param>
/// <param name="ProgressEntries">Progress steps stored, all dossiers together.</param>
/// <param name="DuplicatesIgnored">Items whose IdempotencyKey had already been applied: answered success, nothing changed.</param>
/// <param name="RejectedByCode">Refused items by error_code (validation, transitions, the reject rule, unknown dossier...).</param>
/// <param name="OrderViolations">Progress steps whose STT is not the previous step's + 1, plus refused status transitions.</param>
/// <param name="OrderViolationSamples">The first few violations, described.</param>
/// <param name="DossierUpdates">Applied updates (isUpdating) of stored dossiers.</param>
/// <param name="LookupCalls">TraCuuHoSo calls served with a valid session.</param>
/// <param name="DossierCalls">DongBoHoSoMC calls served with a valid session.</param>
/// <param name="ProgressCalls">CapNhatTienDoHoSoMC calls served with a valid session.</param>
public sealed record NationalPortalDossierStats(
    int DossierCount,
    int ProgressEntries,
    int DuplicatesIgnored,
    IReadOnlyDictionary<string, int> RejectedByCode,
    int OrderViolations,
    IReadOnlyList<string> OrderViolationSamples,
    int DossierUpdates,
    int LookupCalls,
    int DossierCalls,
    int ProgressCalls);
