namespace IntegrationHub.Contracts;

/// <summary>A named stream of records and whether the connector reads it, writes it, or both; with its key, its
/// cursor and, optionally, the JSON Schema of its payload, so both ends of a flow agree on one declared shape.</summary>
public sealed record StreamSpec(string Name, StreamDirection Direction, string Description)
{
    /// <summary>The payload field path(s) that identify a record (dotted for nested fields, e.g. <c>maHoSo</c>):
    /// what a source puts in <see cref="SourceRecord.Key"/>, or what a destination applies a message once per.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>For a source: what its <see cref="SourceCheckpoint"/> is (e.g. "(updatedAt, maHoSo) of the last change
    /// read"). Null for a stream the connector does not read on a schedule.</summary>
    public string? Cursor { get; init; }

    /// <summary>Optional JSON Schema (draft 2020-12) of the payload. For a destination the host checks every message
    /// against it before the connector is called: one that does not match is a dead letter (<c>PAYLOAD_SCHEMA</c>)
    /// naming the failing path. A schema that does not compile stops the hub at start.</summary>
    public string? PayloadSchema { get; init; }
}
