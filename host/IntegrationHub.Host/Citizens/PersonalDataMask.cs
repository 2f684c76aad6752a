using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.PopulationDb;

namespace IntegrationHub.Host.Citizens;

/// <summary>Masks personal ids in payloads before the admin API or the dashboard shows them: every 12-digit run (the
/// personal id's length; amounts, dates, phones and timestamps have other lengths), and the value of any field named
/// like an identity card number (soCMND, cmnd). JSON stays JSON: a 12-digit number becomes a masked string.</summary>
public static partial class PersonalDataMask
{
    public static string MaskPayload(string payload)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return MaskText(payload);
        }

        return node is null ? payload : Mask(node, null)?.ToJsonString() ?? "null";
    }

    public static string MaskText(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : PersonalId().Replace(text, m => PersonalIdMask.Mask(m.Value));

    private static JsonNode? Mask(JsonNode? node, string? name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    obj[key] = Mask(value?.DeepClone(), key);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Mask(array[i]?.DeepClone(), name);
                }

                return array;
            case JsonValue value:
                var text = value.ToJsonString().Trim('"');
                if (name is not null && CardField().IsMatch(name) && text.Length > 0)
                {
                    return JsonValue.Create(PersonalIdMask.Mask(text));
                }

                if (value.GetValueKind() == JsonValueKind.String)
                {
                    var raw = value.GetValue<string>();
                    var masked = MaskText(raw);
                    return ReferenceEquals(raw, masked) || raw == masked ? value : JsonValue.Create(masked);
                }

                return value.GetValueKind() == JsonValueKind.Number && PersonalId().IsMatch(text) ? JsonValue.Create(MaskText(text)) : value;
            default:
                return node;
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex PersonalId();

    [GeneratedRegex(@"^(so)?_?cmnd$|^socmt$", RegexOptions.IgnoreCase)]
    private static partial Regex CardField();
}
