namespace IntegrationHub.Host.Admin;

/// <summary>What a flow is doing, as <c>GET /api/flows</c> and the dashboard say it.</summary>
public static class FlowState
{
    /// <summary>Configured and enabled, no run under way.</summary>
    public const string Enabled = "enabled";

    public const string Running = "running";

    /// <summary>Paused by an operator: starts no run and delivers nothing until resumed (a run stopping still shows running in its last run).</summary>
    public const string Paused = "paused";
}
