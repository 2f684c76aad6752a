using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin.Responses;

/// <summary>One flow in <c>GET /api/flows</c>: what it reads and writes, its state, when it runs, its last run and its counts.</summary>
/// <param name="Trigger"><c>schedule</c>, or <c>inbound</c> for a flow fed by pushed messages.</param>
/// <param name="State"><c>enabled</c>, <c>running</c> or <c>paused</c> (<see cref="FlowState"/>).</param>
/// <param name="Pause">Why, by whom and since when the flow is paused; null unless it is.</param>
public sealed record FlowSummary(
    string Id,
    string Source,
    IReadOnlyList<string> Destinations,
    string Trigger,
    string State,
    FlowPauseView? Pause,
    FlowScheduleSummary Schedule,
    FlowLastRun? LastRun,
    FlowCounts Counts);
