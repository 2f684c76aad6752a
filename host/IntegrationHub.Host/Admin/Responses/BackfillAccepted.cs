namespace IntegrationHub.Host.Admin.Responses;

/// <summary>The answer of <c>POST /api/flows/{id}/backfill</c>: the backfill's run (a <c>hub.flow_runs</c> row, queued)
/// and where to follow it.</summary>
public sealed record BackfillAccepted(string FlowId, long RunId, string? JobId, string Status, string Run);
