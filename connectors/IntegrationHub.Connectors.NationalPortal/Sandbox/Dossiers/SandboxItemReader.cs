using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>Reads item fields by their exact wire names, so a misspelt name shows up as a missing field.</summary>
internal static class SandboxItemReader
{
    /// <summary>A string, or a number as written (clients send codes either way); null when absent, null or blank.</summary>
    public static string? Text(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>An integer within bounds, or null.</summary>
    public static int? Int(string? text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : null;
}
