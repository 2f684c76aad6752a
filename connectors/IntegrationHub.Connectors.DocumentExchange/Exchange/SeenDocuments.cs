using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Exchange;

/// <summary>The received stream's checkpoint: the documents already read and stored by the hub that the platform still
/// lists (it lists a document until the province's status 01 reaches it). They are not fetched again, so their
/// attachments are not downloaded twice; an id leaves the set once the platform stops listing it, which keeps the set
/// as small as the backlog. Saved as <c>{"seen":["id",...]}</c>.</summary>
internal sealed record SeenDocuments(IReadOnlyList<string> Seen)
{
    public SourceCheckpoint ToCheckpoint() => new(JsonSerializer.Serialize(this, JsonSerializerOptions.Web));

    public static HashSet<string> From(SourceCheckpoint? checkpoint, ConnectorIdentity connector, string stream)
    {
        if (checkpoint is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        try
        {
            var seen = JsonSerializer.Deserialize<SeenDocuments>(checkpoint.State, JsonSerializerOptions.Web);
            return new HashSet<string>(seen?.Seen ?? [], StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(connector.BadCheckpoint(stream, checkpoint.State, "{\"seen\":[...]}"), ex);
        }
    }
}
