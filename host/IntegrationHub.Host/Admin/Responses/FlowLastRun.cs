namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A flow's latest run.</summary>
/// <param name="RecordsFiltered">Records read that the flow's filter passed over (counted in <paramref name="RecordsRead"/>).</param>
public sealed record FlowLastRun(
    long Id,
    string? JobId,
    string Trigger,
    DateTimeOffset Start,
    DateTimeOffset? End,
    string Status,
    long RecordsRead,
    long RecordsFiltered,
    long MessagesCreated,
    string? Error);
