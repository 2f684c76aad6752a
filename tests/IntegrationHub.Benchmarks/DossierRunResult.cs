namespace IntegrationHub.Benchmarks;

/// <summary>One dossier run: from the hub starting its runs to the portal holding every dossier and progress entry.</summary>
/// <param name="Messages">Dossier plus progress messages the hub created (<c>counts.received</c> of both flows).</param>
/// <param name="ProgressAfterDossiers">The progress flow was started only once the portal held every dossier (baseline).</param>
/// <param name="Complete">False: the hub settled with the portal still missing data; <see cref="Elapsed"/> runs to that moment.</param>
internal sealed record DossierRunResult(
    string Name,
    int Dossiers,
    int ProgressEntries,
    long Messages,
    TimeSpan Elapsed,
    bool ProgressAfterDossiers,
    bool Complete,
    DeliveryLatency Latency,
    DossierCheck Check,
    HubFlowStatus Dossier,
    HubFlowStatus Progress,
    CpuUse Cpu,
    int? ExitCode,
    IReadOnlyList<string> HostProblems)
{
    public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;

    public override string ToString()
    {
        var lines = new List<string>
        {
            $"{Name}: {Messages:N0} messages (iGate: {Dossiers:N0} dossiers + {ProgressEntries:N0} progress entries) in {Elapsed.TotalSeconds:N2} s = {MessagesPerSecond:N0} messages/s",
            Complete
                ? "  measured from the hub's first run start (hub.flow_runs) to the national sandbox holding every dossier and progress entry"
                : "  INCOMPLETE: the hub settled (runs ended, nothing pending) with the portal missing data; measured from the first run start to then",
            ProgressAfterDossiers
                ? "  sequenced: dossiers flow on start, progress flow started once the portal held every dossier (no step ever precedes its dossier)"
                : "  both flows on start, concurrently (steps that reach the portal before their dossier are refused and retried)",
            $"  delivery latency (received_at -> delivered): {Latency}",
            $"  exactly once, in order: {Check}",
            $"  hub's account, dossiers: {Dossier}",
            $"  hub's account, progress: {Progress}",
            $"  {Cpu}",
            $"  host exit code after SIGTERM: {ExitCode?.ToString() ?? "(did not exit in time)"}; host log: {HostProblems.Count} warn/fail/crit entries",
        };
        lines.AddRange(HostProblems.Take(10).Select(p => $"    {p}"));
        return string.Join('\n', lines);
    }
}
