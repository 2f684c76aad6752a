using IntegrationHub.Connectors.NationalPortal.Sandbox;

namespace IntegrationHub.Benchmarks;

/// <summary>Whether the portal holds exactly iGate's dossiers and progress: each dossier once, with iGate's final status,
/// and each of its steps once, in order, with the step's status.</summary>
/// <param name="DuplicatesApplied">Steps stored twice plus dossier pushes applied as updates (each dossier is sent once).</param>
/// <param name="StatusMismatches">Dossiers whose status, or any of whose steps' status, is not iGate's mapped.</param>
/// <param name="DuplicatesIgnored">Re-sent idempotency keys the portal answered without applying (harmless).</param>
/// <param name="Refused">Items the portal refused, by code (DOSSIER_NOT_FOUND: a step that came before its dossier, retried).</param>
internal sealed record DossierCheck(
    int ExpectedDossiers,
    int PortalDossiers,
    int ExpectedProgress,
    int PortalProgress,
    int MissingDossiers,
    int ProgressCountMismatches,
    int DuplicatesApplied,
    int OrderViolations,
    int StatusMismatches,
    int DuplicatesIgnored,
    IReadOnlyDictionary<string, int> Refused)
{
    public bool Passed => PortalDossiers == ExpectedDossiers && PortalProgress == ExpectedProgress && MissingDossiers == 0 &&
        ProgressCountMismatches == 0 && DuplicatesApplied == 0 && OrderViolations == 0 && StatusMismatches == 0;

    public static DossierCheck Of(DossierSandboxes sandboxes, IReadOnlyDictionary<string, int> statusMap)
    {
        int missing = 0, countMismatches = 0, duplicateSteps = 0, statusMismatches = 0;
        foreach (var code in sandboxes.IGate.Dossiers.Codes())
        {
            if (sandboxes.Portal.FindDossier(code) is not { } held)
            {
                missing++;
                continue;
            }

            var steps = sandboxes.IGate.Dossiers.Progress(code);
            countMismatches += held.Progress.Count == steps.Count ? 0 : 1;
            duplicateSteps += held.Progress.Count - held.Progress.Select(p => p.Stt).Distinct().Count();
            var status = (string)sandboxes.IGate.Dossiers.Snapshot(code)!["trangThai"]!;
            var stepsMatch = held.Progress.Zip(steps).All(pair => pair.First.Stt == (int)pair.Second["stt"]! &&
                pair.First.TrangThai == statusMap.GetValueOrDefault((string)pair.Second["trangThai"]!, -1));
            statusMismatches += held.TrangThaiHoSo == statusMap.GetValueOrDefault(status, -1) && stepsMatch ? 0 : 1;
        }

        var portal = sandboxes.Portal.DossierStats;
        return new DossierCheck(
            sandboxes.Expected.Dossiers,
            portal.DossierCount,
            sandboxes.Expected.ProgressEntries,
            portal.ProgressEntries,
            missing,
            countMismatches,
            duplicateSteps + portal.DossierUpdates,
            portal.OrderViolations,
            statusMismatches,
            portal.DuplicatesIgnored,
            portal.RejectedByCode);
    }

    public override string ToString()
    {
        var refused = Refused.Count == 0 ? "none" : string.Join(", ", Refused.Select(r => $"{r.Key} x{r.Value:N0}"));
        return $"{(Passed ? "PASS" : "FAIL")}: dossiers {PortalDossiers:N0}/{ExpectedDossiers:N0}, progress {PortalProgress:N0}/{ExpectedProgress:N0} " +
            $"(iGate's), {MissingDossiers:N0} missing, {ProgressCountMismatches:N0} dossiers with a wrong step count, " +
            $"{DuplicatesApplied:N0} duplicates applied, {OrderViolations:N0} order violations, {StatusMismatches:N0} status mismatches; " +
            $"{DuplicatesIgnored:N0} re-sent keys ignored by the portal; refused by error_code (-4: step before its dossier, retried): {refused}";
    }
}
