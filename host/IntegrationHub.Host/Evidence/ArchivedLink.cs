namespace IntegrationHub.Host.Evidence;

/// <summary>A link whose log line retention archived: what a bundle needs of it (its canonical event exactly as hashed,
/// its hash) and what finds it (business key, time).</summary>
public sealed record ArchivedLink(int Chain, long Seq, long LogId, long MessageId, string? BusinessKey, DateTimeOffset At, byte[] Hash, string Event);
