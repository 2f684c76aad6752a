namespace IntegrationHub.Connectors.Tests.Kit.Tally;

/// <summary>Tally's wire shapes: a change of its feed, a page of it, a batch of entries and its answer, an error.</summary>
internal static class TallyWire
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Changes = "api/changes";
    public const string EntriesBatch = "api/entries/batch";

    /// <summary>An entry whose value is this makes Tally refuse its whole batch (400 POISON).</summary>
    public const string Poison = "poison";

    internal sealed record Change(long Seq, string Id, string Value);

    internal sealed record Page(IReadOnlyList<Change> Items, bool HasMore);

    internal sealed record Entry(string IdempotencyKey, string Value);

    internal sealed record Batch(IReadOnlyList<Entry> Items);

    internal sealed record Answer(IReadOnlyList<string> Applied);

    internal sealed record Error(string Code, string Message);
}
