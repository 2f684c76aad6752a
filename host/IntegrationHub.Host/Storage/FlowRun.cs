namespace IntegrationHub.Host.Storage;

/// <param name="RecordsFiltered">Records read that the flow's filter passed over (counted in <paramref name="RecordsRead"/>, not messages).</param>
/// <param name="Backfill">Set for a backfill: why, from where, to when, how far it got.</param>
public sealed record FlowRun(
    long Id,
    string FlowId,
    string? JobId,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    long RecordsRead,
    long MessagesCreated,
    string? Error,
    long RecordsFiltered,
    FlowRunBackfill? Backfill = null);
