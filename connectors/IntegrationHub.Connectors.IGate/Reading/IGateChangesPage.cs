using System.Text.Json;
using IntegrationHub.Connectors.IGate.Api;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Reading;

/// <summary>One page of a change feed, <c>{"items":[...],"hasMore":bool}</c>, read into records.</summary>
/// <param name="Last">The cursor after the page's last item; null for an empty page.</param>
internal sealed record IGateChangesPage(IReadOnlyList<SourceRecord> Records, IGateChangeCursor? Last, bool HasMore)
{
    /// <exception cref="ConnectorException">Transient (IGATE-MALFORMED): the reply is not such a page.</exception>
    public static IGateChangesPage Parse(string? content, IGateChangeFeed feed)
    {
        try
        {
            using var document = JsonDocument.Parse(content ?? string.Empty);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("hasMore", out var hasMore) || hasMore.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Malformed(feed, "not {\"items\":[...],\"hasMore\":bool}");
            }

            var records = new List<SourceRecord>(items.GetArrayLength());
            IGateChangeCursor? last = null;
            foreach (var item in items.EnumerateArray())
            {
                records.Add(Read(item, feed, out last));
            }

            return new IGateChangesPage(records, last, hasMore.GetBoolean());
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(IGateFailures.Malformed($"{feed.Stream} page: {ex.Message}"), ex);
        }
    }

    private static SourceRecord Read(JsonElement item, IGateChangeFeed feed, out IGateChangeCursor cursor)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(feed, $"an item is a JSON {item.ValueKind}");
        }

        var id = IGateChangeFeed.Text(item, feed.IdField);
        var timestamp = IGateChangeFeed.Text(item, feed.TimestampField);
        if (id is null || IGateChangeCursor.Parse(timestamp) is null)
        {
            throw Malformed(feed, $"an item has no {feed.IdField} or no ISO-8601 {feed.TimestampField}");
        }

        cursor = new IGateChangeCursor(timestamp!, id);
        return feed.ToRecord(item, item.GetRawText()) ?? throw Malformed(feed, $"item {id} lacks a field the record needs");
    }

    private static ConnectorException Malformed(IGateChangeFeed feed, string problem) =>
        new(IGateFailures.Malformed($"{feed.Stream} page: {problem}"));
}
