using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationHub.Contracts.Privacy;

/// <summary>The hub's one rule for personal ids wherever they could be shown (logs, exceptions, the admin API, the
/// dashboard), used by the engine and by modules alike. A personal id (số định danh cá nhân) is 12 digits; it is shown
/// with its first 4 and last 2 characters only (<see cref="MaskId"/>). In free text every 12-digit run is masked (amounts,
/// dates, phones and timestamps have other lengths); in JSON also the value of any field named like an identity card
/// number (soCMND, cmnd, the payment receipt's SoCMNDNguoiNop). JSON stays JSON: a 12-digit number becomes a masked string. Pure functions, no state.</summary>
public static partial class PersonalDataMask
{
    /// <summary>Masks one personal id: the first 4 and last 2 characters stay, the rest become '*'
    /// (<c>001089012345</c> gives <c>0010******45</c>); 6 characters or fewer are all masked; none gives <c>(none)</c>.</summary>
    public static string MaskId(string? personalId)
    {
        if (string.IsNullOrEmpty(personalId))
        {
            return "(none)";
        }

        var id = personalId.Trim();
        if (id.Length <= 6)
        {
            // Too short to keep anything and still hide something.
            return new string('*', id.Length);
        }

        return string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 6), id.AsSpan(id.Length - 2));
    }

    /// <summary>A payload (JSON or not) with its personal ids masked.</summary>
    public static string MaskPayload(string payload)
    {
        try
        {
            var node = JsonNode.Parse(payload);
            if (node is null)
            {
                return payload;
            }

            if (node is JsonValue value)
            {
                return (Masked(value, null) ?? value).ToJsonString();
            }

            MaskWithin(node, null);
            return node.ToJsonString();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string .NET cannot read (a lone surrogate such as a parked inbox message may hold): masked as text.
            return MaskText(payload);
        }
    }

    /// <summary>A free text with every 12-digit run masked, and every personal-data token (a stored id encrypted, see
    /// <see cref="IPersonalDataCipher"/>) shown as the masked form it carries; null gives the empty string.</summary>
    public static string MaskText(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : PersonalId().Replace(text.Contains('⟦', StringComparison.Ordinal) ? Token().Replace(text, m => m.Groups[1].Value) : text, m => MaskId(m.Value));

    /// <summary>Replaces, in place, every value that needs masking under an object or array.</summary>
    /// <param name="name">The property the node is the value of (an array's items take their array's name).</param>
    private static void MaskWithin(JsonNode node, string? name)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToList())
            {
                if (child is JsonValue value)
                {
                    if (Masked(value, key) is { } masked)
                    {
                        obj[key] = masked;
                    }
                }
                else if (child is not null)
                {
                    MaskWithin(child, key);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonValue value)
                {
                    if (Masked(value, name) is { } masked)
                    {
                        array[i] = masked;
                    }
                }
                else if (array[i] is { } child)
                {
                    MaskWithin(child, name);
                }
            }
        }
    }

    /// <returns>The masked replacement of a value, or null when it shows nothing to hide.</returns>
    private static JsonValue? Masked(JsonValue value, string? name)
    {
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        if (kind == JsonValueKind.String && Token().Match(text) is { Success: true } token && token.Length == text.Length)
        {
            // A stored id encrypted whole (a card field's value, an id sent as a number): its own masked form.
            return JsonValue.Create(token.Groups[1].Value);
        }

        if (name is not null && CardField().IsMatch(name) && kind is JsonValueKind.String or JsonValueKind.Number && text.Length > 0)
        {
            return JsonValue.Create(MaskId(text));
        }

        if (kind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return null;
        }

        var masked = MaskText(text);
        return masked == text ? null : JsonValue.Create(masked);
    }

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex PersonalId();

    [GeneratedRegex(@"^(so)?_?cmnd(nguoinop)?$|^socmt$", RegexOptions.IgnoreCase)]
    private static partial Regex CardField();

    [GeneratedRegex(@"⟦pd1\.[A-Za-z0-9_-]{1,32}\.([A-Za-z0-9*]*)\.[A-Za-z0-9_-]*⟧")]
    private static partial Regex Token();
}
