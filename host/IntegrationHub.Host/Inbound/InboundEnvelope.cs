using System.Text.Json;

namespace IntegrationHub.Host.Inbound;

/// <summary>The REST body: <c>{"messageId": "...", "data": {...}}</c>. Anything else at the top level is refused.</summary>
public static class InboundEnvelope
{
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <param name="body">Text already passed by <see cref="IntegrationHub.Host.Text.JsonTextInspector"/>.</param>
    /// <returns>The parsed document (caller disposes) with the message id and data, or an error.</returns>
    public static InboundError? Parse(ReadOnlyMemory<byte> body, out JsonDocument? document, out string? messageId, out JsonElement data)
    {
        document = null;
        messageId = null;
        data = default;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException e)
        {
            return InboundError.MalformedJson(e.Message);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return InboundError.WrongFieldType("$", "object");
        }

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "messageId" when property.Value.ValueKind == JsonValueKind.String:
                    messageId = property.Value.GetString();
                    break;
                case "messageId":
                    return InboundError.WrongFieldType("messageId", "string");
                case "data":
                    data = property.Value;
                    break;
                default:
                    return InboundError.UnknownField(property.Name);
            }
        }

        return messageId is null ? InboundError.MissingField("messageId") : null;
    }
}
