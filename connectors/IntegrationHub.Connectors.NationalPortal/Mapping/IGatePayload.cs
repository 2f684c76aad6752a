using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>Reads fields of an iGate payload (camelCase, iGate's local shape). A missing required field or a value
/// of the wrong shape throws <see cref="MappingException"/> naming the field, so the dead letter says what to fix.</summary>
internal readonly struct IGatePayload(JsonElement obj, string what)
{
    public static IGatePayload Parse(JsonDocument document, string what) =>
        document.RootElement.ValueKind == JsonValueKind.Object
            ? new IGatePayload(document.RootElement, what)
            : throw new MappingException($"The {what} payload is not a JSON object.");

    public string RequiredText(string name) =>
        OptionalText(name) ?? throw new MappingException($"The {what} payload has no '{name}'.");

    /// <summary>A string, or a number as written (codes come either way); null when absent, null or blank.</summary>
    public string? OptionalText(string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new MappingException($"'{name}' of the {what} payload is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not text."),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public int RequiredInt(string name)
    {
        var text = RequiredText(name);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new MappingException($"'{name}' of the {what} payload is '{text}', not an integer.");
    }

    /// <summary>Money is whole VND: an integer, as a number or digits.</summary>
    public long? OptionalAmount(string name)
    {
        var text = OptionalText(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new MappingException($"'{name}' of the {what} payload is '{text}', not a whole VND amount.");
    }

    public string RequiredDate(string name, TimeZoneInfo zone) =>
        OptionalDate(name, zone) ?? throw new MappingException($"The {what} payload has no '{name}'.");

    /// <summary>ISO-8601 with an offset, as the portal's <c>yyyyMMddHHmmss</c> in <paramref name="zone"/>.</summary>
    public string? OptionalDate(string name, TimeZoneInfo zone)
    {
        var text = OptionalText(name);
        if (text is null)
        {
            return null;
        }

        return DvcqgDateFormat.TryFormatIso(text, zone, out var formatted)
            ? formatted
            : throw new MappingException($"'{name}' of the {what} payload is '{text}', not an ISO-8601 date with an offset (e.g. 2025-03-01T08:30:00+07:00).");
    }

    /// <summary>The objects of an array field; absent or null is empty.</summary>
    public IEnumerable<IGatePayload> Objects(string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new MappingException($"'{name}' of the {what} payload is not an array.");
        }

        var items = new List<IGatePayload>(value.GetArrayLength());
        foreach (var element in value.EnumerateArray())
        {
            items.Add(element.ValueKind == JsonValueKind.Object
                ? new IGatePayload(element, $"{what} {name} item")
                : throw new MappingException($"An item of '{name}' of the {what} payload is not an object."));
        }

        return items;
    }

    public int Status(string name, StatusMapper statuses)
    {
        var status = RequiredText(name);
        return statuses.TryMap(status, out var code)
            ? code
            : throw new MappingException(
                $"'{name}' of the {what} payload is '{status}', which has no entry in StatusMap (Connectors:national-portal:StatusMap); add it there and replay.");
    }
}
