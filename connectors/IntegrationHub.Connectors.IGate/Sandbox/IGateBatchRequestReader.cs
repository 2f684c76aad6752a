using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>Reads <c>{"items":[{"idempotencyKey","procedure":{...}}]}</c>. Items are read loosely (a bad item is
/// rejected on its own later); only a body that is not such an envelope fails the whole call.</summary>
internal static class IGateBatchRequestReader
{
    public static async Task<(IReadOnlyList<IGateIncomingItem>? Items, string? Problem)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, $"Nội dung yêu cầu không phải JSON hợp lệ: {ex.Message}");
        }

        if (root is not JsonObject envelope || envelope["items"] is not JsonArray items)
        {
            return (null, "Nội dung yêu cầu thiếu mảng \"items\".");
        }

        return ([.. items.Select(Read)], null);
    }

    private static IGateIncomingItem Read(JsonNode? item) =>
        new(StringOf(item?["idempotencyKey"]), item?["procedure"] as JsonObject);

    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
