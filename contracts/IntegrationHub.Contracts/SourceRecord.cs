namespace IntegrationHub.Contracts;

/// <summary>One record read from a source.</summary>
/// <param name="Key">Stable identity of the record at the source (e.g. MaTTHC).</param>
/// <param name="Payload">The record as JSON.</param>
/// <param name="BusinessKey">What admins search by (MaHoSo, MaTTHC...); defaults to <paramref name="Key"/>.</param>
/// <param name="Version">Version of the record; null lets the host use a hash of the payload. A record whose
/// version equals the last one the hub saw for its key is not a new message.</param>
public sealed record SourceRecord(string Key, string Payload, string? BusinessKey = null, string? Version = null) : SourceItem
{
    /// <summary>Set when the connector read the record but cannot vouch for it (a file that does not match its stated
    /// SHA-256): the hub stores it as a dead letter giving this reason, visible and replayable, and reads on, so one
    /// bad record never stops its flow. Throw a Permanent failure only for what stops the whole read.</summary>
    public string? Problem { get; init; }
}
