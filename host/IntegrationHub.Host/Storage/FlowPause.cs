namespace IntegrationHub.Host.Storage;

/// <summary>A paused flow: who paused it, why, since when (the operator action), and how many scheduled runs it refused since.</summary>
public sealed record FlowPause(string FlowId, string PausedBy, string Reason, DateTimeOffset PausedAt, long ActionId, int SkippedRuns);
