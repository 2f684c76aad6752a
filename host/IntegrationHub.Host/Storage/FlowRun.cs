namespace IntegrationHub.Host.Storage;

/// <param name="RecordsFiltered">Records read that the flow's filter passed over (counted in <paramref name="RecordsRead"/>, not messages).</param>
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
    long RecordsFiltered);
