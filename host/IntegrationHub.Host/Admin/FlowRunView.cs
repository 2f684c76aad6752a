using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>One run in <c>GET /api/flows/{id}/runs</c>. A running run's counts are its progress so far and its
/// duration the time it has taken until now. A backfill (trigger <c>backfill:officer</c>) says why, where it started and
/// stops, and the last checkpoint it committed.</summary>
public sealed record FlowRunView(
    long Id,
    string? JobId,
    string Trigger,
    string Status,
    DateTimeOffset Start,
    DateTimeOffset? End,
    double DurationSeconds,
    long RecordsRead,
    long RecordsFiltered,
    long MessagesCreated,
    string? Error,
    FlowRunBackfill? Backfill)
{
    public static FlowRunView Of(FlowRun run, DateTimeOffset now) => new(
        run.Id, run.JobId, run.Trigger, run.Status, run.StartedAt, run.EndedAt,
        Math.Round(((run.EndedAt ?? now) - run.StartedAt).TotalSeconds, 3),
        run.RecordsRead, run.RecordsFiltered, run.MessagesCreated, run.Error, run.Backfill);
}
