using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Evidence;

/// <summary>The payload hash of a "received" event (README "Evidence log"): SHA-256 of the UTF-8 of the payload's
/// canonical JSON, taken from the plaintext (personal ids in clear) with its strings in NFC, as the hub stores it. The
/// canonical JSON has no whitespace; object members sorted by name (UTF-16 code units) and, of members with the same
/// name, the last only (as jsonb keeps them); arrays in order; strings escaped as <see cref="CanonicalJson"/> does;
/// <c>true</c>, <c>false</c>, <c>null</c> (null members kept); numbers as their exact decimal value: an optional
/// <c>-</c>, the integer digits without leading zeros, and a <c>.</c> with the fraction digits only when the fraction
/// is not zero, without trailing zeros (no exponent; <c>1.50</c>, <c>15e-1</c> and <c>1.5</c> are all <c>1.5</c>).
/// Everything in it survives PostgreSQL's jsonb, so the payload read back and decrypted gives the same hash.</summary>
public static partial class PayloadDigest
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(c => (char)c), '"', '\\']);

    // PostgreSQL's numeric refuses more digits than this anyway; a larger exponent is not a payload the hub stores.
    private const int MaxExponent = 200_000;

    /// <returns>The hash, or null when the text is not JSON the hub would store.</returns>
    public static byte[]? Of(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Canonical(json) is { } canonical ? SHA256.HashData(Encoding.UTF8.GetBytes(canonical)) : null;
    }

    /// <returns>The canonical JSON of <paramref name="json"/>, or null when it is not JSON the hub would store.</returns>
    public static string? Canonical(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = JsonTextInspector.DefaultMaxDepth });
            var builder = new StringBuilder(json.Length);
            Write(builder, document.RootElement);
            return builder.ToString();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void Write(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // Sorted by name, then by position: of a name given twice, the last is written.
                var members = new List<(string Name, int Position, JsonElement Value)>();
                foreach (var member in element.EnumerateObject())
                {
                    members.Add((member.Name, members.Count, member.Value));
                }

                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var order and not 0 ? order : a.Position.CompareTo(b.Position));
                builder.Append('{');
                var first = true;
                for (var i = 0; i < members.Count; i++)
                {
                    if (i + 1 < members.Count && members[i + 1].Name == members[i].Name)
                    {
                        continue;
                    }

                    builder.Append(first ? "" : ",");
                    first = false;
                    WriteString(builder, members[i].Name);
                    builder.Append(':');
                    Write(builder, members[i].Value);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in element.EnumerateArray())
                {
                    builder.Append(firstItem ? "" : ",");
                    firstItem = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                WriteNumber(builder, element.GetRawText());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>Most strings need no escape: copied whole.</summary>
    private static void WriteString(StringBuilder builder, string text)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0)
        {
            builder.Append('"').Append(text).Append('"');
        }
        else
        {
            CanonicalJson.WriteString(builder, text);
        }
    }

    /// <summary>A JSON number's exact decimal value, written out in full (see the class).</summary>
    private static void WriteNumber(StringBuilder builder, string number)
    {
        if (Plain().IsMatch(number))
        {
            builder.Append(number);
            return;
        }

        var negative = number.StartsWith('-');
        var text = negative ? number[1..] : number;
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        // The value is digits × 10^(point - digits.Length): point is where the decimal point falls in digits.
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        if (Math.Abs(exponent) > MaxExponent)
        {
            throw new FormatException("A number's exponent is out of range.");
        }

        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..];
        point -= leading;
        digits = digits.TrimEnd('0') is var trimmed && trimmed.Length < digits.Length ? trimmed : digits;
        if (digits.Length == 0)
        {
            builder.Append('0');
            return;
        }

        builder.Append(negative ? "-" : "");
        if (point <= 0)
        {
            builder.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            builder.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
    }

    /// <summary>A number already in its canonical form: no exponent, no leading zero, no '-0', a fraction not ending in 0.</summary>
    [GeneratedRegex(@"^(?!-0$)-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$")]
    private static partial Regex Plain();
}
