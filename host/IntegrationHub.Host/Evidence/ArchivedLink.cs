namespace IntegrationHub.Host.Evidence;

/// <summary>A link whose log line retention archived: what a bundle needs of it (its canonical event exactly as hashed,
/// its hash and the hash before it) and what finds it (business key, time). Prev is null in archives written before
/// migration 0044.</summary>
public sealed record ArchivedLink(int Chain, long Seq, long LogId, long MessageId, string? BusinessKey, DateTimeOffset At, byte[] Hash, string Event, byte[]? Prev);
