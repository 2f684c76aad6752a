namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>Which TrangThaiHoSo may follow which, as the sandbox portal enforces it. No official rule is public; chosen:
/// a dossier moves through stages and never goes back a stage. Forward jumps are allowed because a source read on a
/// schedule may see only the latest of several changes (2 → 10 is fine); a final status accepts only itself (a
/// correction of other fields).
/// <code>
/// stage  statuses                                         may move to
///   0    1 receiving                                      stage ≥ 0
///   1    2 new, 0 interoperating                          stage ≥ 1
///   2    4 processing, 5 waiting, 6 paying, 8 unresolved  stage ≥ 2 (back and forth inside the stage)
///   3    9 releasing                                      stage ≥ 3
///   4    10 done, 3 denied, 7 cancelled (final)           only the same status
/// </code></summary>
internal static class DossierStatusTransitions
{
    private const int FinalStage = 4;

    /// <summary>Stage by status code 0..10.</summary>
    private static ReadOnlySpan<int> Stages => [1, 0, 1, 4, 2, 2, 2, 4, 2, 3, 4];

    public static bool IsAllowed(int from, int to)
    {
        if (from == to)
        {
            return true;
        }

        var stageFrom = Stages[from];
        return stageFrom != FinalStage && Stages[to] >= stageFrom;
    }
}
