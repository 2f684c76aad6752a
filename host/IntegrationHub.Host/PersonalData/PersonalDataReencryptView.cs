namespace IntegrationHub.Host.PersonalData;

/// <summary>A rotation's job (<c>GET /api/personal-data/reencrypt/{jobId}</c>): its state (<c>queued</c>, also while a
/// retry waits; <c>running</c>; <c>succeeded</c>; <c>failed</c>) and, once it succeeded, what it did.</summary>
/// <param name="ActionId">The operator action <c>personal-data-reencrypt</c> recorded when it finished.</param>
/// <param name="Rewritten">Lookup-audit rows re-encrypted.</param>
/// <param name="Payloads">Stored payloads (messages, inbox) re-encrypted.</param>
/// <param name="Unreadable">Rows left as they were, by <c>code:key</c>.</param>
/// <param name="Error">Why it failed (its last attempt's error, masked).</param>
public sealed record PersonalDataReencryptView(
    string JobId, string State, string? Operator, string? Reason,
    long? ActionId = null, string? CurrentKey = null, int? Rewritten = null, int? Payloads = null, IReadOnlyDictionary<string, int>? Unreadable = null, string? Error = null);
