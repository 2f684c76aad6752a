namespace IntegrationHub.Host.Storage;

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
    string? Error);
