using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>Reads loosely typed portal fields. No public specification fixes their shapes (a field is a string in one
/// implementation and an array of objects in another), so every shape is flattened to text rather than refused.</summary>
internal static class JsonText
{
    /// <summary>Property lookup that ignores case: the portal writes MATTHC, other feeds write MaTTHC.</summary>
    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <param name="preferredKeys">For object values: the keys worth showing (e.g. a document's name, not its copy count).</param>
    public static string? Field(JsonElement obj, string name, params string[] preferredKeys) =>
        TryGetProperty(obj, name, out var value) ? Of(value, preferredKeys) : null;

    /// <summary>An array field as one text per element; a single value as a list of one.</summary>
    public static IReadOnlyList<string> Items(JsonElement obj, string name, params string[] preferredKeys)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return [.. value.EnumerateArray().Select(e => Of(e, preferredKeys)).OfType<string>()];
        }

        return Of(value, preferredKeys) is { } single ? [single] : [];
    }

    /// <summary>A string as is, a number as written, an object as its values (the preferred ones when it has any)
    /// joined with " - ", an array joined with "; ".</summary>
    public static string? Of(JsonElement value, params string[] preferredKeys)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Object => Join(" - ", ObjectParts(value, preferredKeys)),
            JsonValueKind.Array => Join("; ", value.EnumerateArray().Select(e => Of(e, preferredKeys))),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A whole number, written as a JSON number or a string of digits; anything else (a fraction, a word,
    /// a value out of range) is not one.</summary>
    public static long? Integer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString()?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    /// <returns>The named field as a whole number; null when it is missing or not one.</returns>
    public static long? IntegerField(JsonElement obj, string name) =>
        TryGetProperty(obj, name, out var value) ? Integer(value) : null;

    private static IEnumerable<string?> ObjectParts(JsonElement obj, string[] preferredKeys)
    {
        var preferred = preferredKeys.Select(key => Field(obj, key)).OfType<string>().ToList();
        return preferred.Count > 0 ? preferred : obj.EnumerateObject().Select(p => Of(p.Value));
    }

    private static string Join(string separator, IEnumerable<string?> parts) => string.Join(separator, parts.OfType<string>());
}
