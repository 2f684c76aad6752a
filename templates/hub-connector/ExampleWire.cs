namespace IntegrationHub.Connectors.Example;

/// <summary>The Example API as it travels (designed: replace with the counterparty's real one). A keyset feed of
/// records by sequence number, a batch write of entries keyed by idempotency key, and JSON errors.</summary>
public static class ExampleWire
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Records = "api/records";
    public const string EntriesBatch = "api/entries/batch";

    /// <summary>An entry whose value is this is refused for good (400 INVALID), as a business rule would.</summary>
    public const string Invalid = "invalid";

    public sealed record Record(long Seq, string Id, string Value);

    public sealed record Page(IReadOnlyList<Record> Items, bool HasMore);

    public sealed record Entry(string IdempotencyKey, string Value);

    public sealed record Batch(IReadOnlyList<Entry> Items);

    /// <summary>The idempotency keys of the entries applied (or applied before).</summary>
    public sealed record Answer(IReadOnlyList<string> Applied);

    public sealed record Error(string Code, string Message);
}
