using System.Globalization;
using System.Text.Json;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Configuration;

/// <summary><c>Flows:{id}:Filter</c>: the records a flow makes messages of. Each entry names a payload field (a top-level
/// name, or a dotted path into nested objects: <c>a.b</c>) and the JSON scalars it may hold; a record passes when every
/// field holds one of its values. Config keeps no JSON kinds, so a value matches a string field by its text (in NFC) and
/// a number field by value (<c>2</c> matches 2, 2.0 and "2"); <c>true</c>, <c>false</c> and <c>null</c> match
/// themselves; a missing field, an object or an array matches nothing.
/// A payload that is not a JSON object passes, so that it becomes a visible dead letter instead of vanishing.</summary>
public sealed class FlowFilter
{
    private readonly IReadOnlyList<Condition> _conditions;

    private FlowFilter(IReadOnlyList<Condition> conditions) => _conditions = conditions;

    /// <summary>No filter: every record is a message.</summary>
    public static FlowFilter None { get; } = new([]);

    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>Reads the filter from its config section, adding each problem (with its config key) to <paramref name="problems"/>.</summary>
    public static FlowFilter Parse(IConfigurationSection section, ICollection<string> problems)
    {
        var fields = section.GetChildren().ToList();
        if (fields.Count == 0)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                problems.Add($"{section.Path}: must be an object of payload field paths to the values each may hold, e.g. {{\"HinhThucNhanKetQua\": [\"BuuChinh\"]}}.");
            }

            return None;
        }

        var conditions = new List<Condition>(fields.Count);
        foreach (var field in fields)
        {
            var segments = field.Key.Split('.');
            var values = ValuesOf(field, problems);
            if (segments.Any(s => s.Length == 0))
            {
                problems.Add($"{field.Path}: '{field.Key}' is not a field path (names joined by '.', none empty).");
            }
            else if (values is { Count: 0 })
            {
                problems.Add($"{field.Path}: lists no value; give the values the field may hold, e.g. [\"BuuChinh\"].");
            }
            else if (values is not null)
            {
                conditions.Add(new Condition(segments, values));
            }
        }

        return new FlowFilter(conditions);
    }

    /// <summary>Whether a record with this payload is one the flow wants.</summary>
    public bool Accepts(string payload)
    {
        if (_conditions.Count == 0)
        {
            return true;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return true;
        }

        using (document)
        {
            return document.RootElement.ValueKind != JsonValueKind.Object || _conditions.All(c => c.Matches(document.RootElement));
        }
    }

    /// <returns>The allowed values (a single scalar is a list of one; null stands for JSON null), or null when a
    /// value is not a scalar (reported).</returns>
    private static List<string?>? ValuesOf(IConfigurationSection field, ICollection<string> problems)
    {
        var items = field.GetChildren().ToList();
        if (items.Count == 0)
        {
            // An empty list reads as an empty text: both mean "no value".
            return field.Value is "" ? [] : [StorableText.Nfc(field.Value)];
        }

        if (items.Any(i => i.GetChildren().Any()))
        {
            problems.Add($"{field.Path}: values must be JSON strings, numbers, true, false or null, not objects or lists.");
            return null;
        }

        return [.. items.Select(i => StorableText.Nfc(i.Value))];
    }

    private sealed record Condition(string[] Path, IReadOnlyList<string?> Values)
    {
        public bool Matches(JsonElement root)
        {
            var value = root;
            foreach (var name in Path)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
                {
                    return false;
                }
            }

            return Values.Any(allowed => Same(value, allowed));
        }

        private static bool Same(JsonElement value, string? allowed) => value.ValueKind switch
        {
            JsonValueKind.String => allowed is not null && string.Equals(StorableText.Nfc(value.GetString()), allowed, StringComparison.Ordinal),
            JsonValueKind.Number => allowed is not null && (value.TryGetDecimal(out var number) && decimal.TryParse(allowed, NumberStyles.Float, CultureInfo.InvariantCulture, out var wanted)
                ? number == wanted
                : string.Equals(value.GetRawText(), allowed, StringComparison.Ordinal)),
            JsonValueKind.True => string.Equals(allowed, "true", StringComparison.OrdinalIgnoreCase),
            JsonValueKind.False => string.Equals(allowed, "false", StringComparison.OrdinalIgnoreCase),
            JsonValueKind.Null => allowed is null,
            _ => false,
        };
    }
}
