using System.Text;
using IntegrationHub.Connectors.DocumentExchange.Transfer;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A status message as edXML text, for feeds that carry statuses inline.</summary>
public static class StatusXml
{
    /// <summary>A page of a status feed, each status inline as edXML text.</summary>
    public static async Task<EdXmlListPage> PageAsync(IReadOnlyList<(long Seq, EdXmlStatus Status)> entries, bool hasMore, CancellationToken cancellationToken)
    {
        var items = new List<EdXmlListItem>(entries.Count);
        foreach (var (seq, status) in entries)
        {
            items.Add(new EdXmlListItem(seq, status.ResponseFor.DocumentId, await WriteAsync(status, cancellationToken)));
        }

        return new EdXmlListPage(items, hasMore);
    }

    public static async Task<string> WriteAsync(EdXmlStatus status, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await new EdXmlStatusWriter().WriteAsync(status, buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
