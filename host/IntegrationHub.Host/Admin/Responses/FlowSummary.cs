using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin.Responses;

/// <summary>One flow in <c>GET /api/flows</c>: what it reads and writes, when it runs, its last run and its counts.</summary>
/// <param name="Trigger"><c>schedule</c>, or <c>inbound</c> for a flow fed by pushed messages.</param>
public sealed record FlowSummary(
    string Id,
    string Source,
    IReadOnlyList<string> Destinations,
    string Trigger,
    FlowScheduleSummary Schedule,
    FlowLastRun? LastRun,
    FlowCounts Counts);
