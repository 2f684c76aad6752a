using System.Text.Json;

namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Opens a hub message payload that must be one JSON object (payments, evaluations).</summary>
internal static class HubPayloadReader
{
    /// <returns>The parsed document (the caller disposes it), or null with <paramref name="problem"/> saying why.</returns>
    public static JsonDocument? TryOpenObject(string payload, string what, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            problem = $"payload is not JSON: {ex.Message}";
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problem = $"payload is a JSON {document.RootElement.ValueKind}, not {what} object";
            document.Dispose();
            return null;
        }

        problem = null;
        return document;
    }
}
