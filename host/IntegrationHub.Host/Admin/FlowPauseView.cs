namespace IntegrationHub.Host.Admin;

/// <summary>A flow's pause in the admin API: why, by whom, since when, and how many scheduled runs it refused since.</summary>
public sealed record FlowPauseView(string Reason, string By, DateTimeOffset Since, int SkippedRuns)
{
    public static FlowPauseView Of(Storage.FlowPause pause) => new(pause.Reason, pause.PausedBy, pause.PausedAt, pause.SkippedRuns);
}
