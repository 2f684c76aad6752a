using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>Reads <c>{"items":[{"idempotencyKey","procedure":{...}}]}</c> (the object is "payment" or "evaluation" on
/// those streams). Items are read loosely (a bad item is
/// rejected on its own later); only a body that is not such an envelope fails the whole call.</summary>
internal static class IGateBatchRequestReader
{
    public static async Task<(IReadOnlyList<IGateIncomingItem>? Items, string? Problem)> ReadAsync(Stream body, string subject, CancellationToken cancellationToken)
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

        return ([.. items.Select(item => Read(item, subject))], null);
    }

    // An item that is not an object (a number, an array) has neither part; indexing it would throw.
    private static IGateIncomingItem Read(JsonNode? item, string subject) =>
        item is JsonObject fields ? new(StringOf(fields["idempotencyKey"]), fields[subject] as JsonObject) : new(null, null);

    /// <returns>A non-blank string value; null for anything else.</returns>
    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <returns>A whole-number value; null for anything else (a string of digits included: iGate's API is typed).</returns>
    public static long? IntegerOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
