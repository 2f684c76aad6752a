using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IGate.Reading;

/// <summary>Reads one page of a change feed, <c>{"items":[...],"hasMore":bool}</c>, into records. The whole page is
/// checked before any of it is yielded: one item that cannot be read fails the page.</summary>
internal static class IGateChangesPage
{
    /// <exception cref="ConnectorException">Transient (IGATE-MALFORMED): the reply is not such a page.</exception>
    public static KeysetPage<IGateChange> Parse(string content, IGateChangeFeed feed, HttpFailureClassifier failures)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("hasMore", out var hasMore) || hasMore.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Malformed(failures, feed, "not {\"items\":[...],\"hasMore\":bool}");
            }

            return new KeysetPage<IGateChange>([.. items.EnumerateArray().Select(item => Read(item, feed, failures))], hasMore.GetBoolean());
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(failures.Malformed($"{feed.Stream} page: {ex.Message}"), ex);
        }
    }

    private static IGateChange Read(JsonElement item, IGateChangeFeed feed, HttpFailureClassifier failures)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(failures, feed, $"an item is a JSON {item.ValueKind}");
        }

        var id = IGateChangeFeed.Text(item, feed.IdField);
        var timestamp = IGateChangeFeed.Text(item, feed.TimestampField);
        if (id is null || TimestampCursor.Parse(timestamp) is null)
        {
            throw Malformed(failures, feed, $"an item has no {feed.IdField} or no ISO-8601 {feed.TimestampField}");
        }

        var record = feed.ToRecord(item, item.GetRawText()) ?? throw Malformed(failures, feed, $"item {id} lacks a field the record needs");
        return new IGateChange(record, new TimestampCursor(timestamp!, id));
    }

    private static ConnectorException Malformed(HttpFailureClassifier failures, IGateChangeFeed feed, string problem) =>
        new(failures.Malformed($"{feed.Stream} page: {problem}"));
}
