using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.Host.Evidence;

/// <summary>The canonical JSON the evidence log hashes and signs, simple enough to recompute with any tool: UTF-8, no
/// whitespace, object keys sorted by their UTF-16 code units (as RFC 8785), null members left out, numbers integers
/// only, strings escaped minimally (<c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other characters below U+0020 as
/// <c>\u00xx</c>; everything else as it is, including non-ASCII).</summary>
public static class CanonicalJson
{
    /// <summary>Values: string, long, int, bool, IReadOnlyDictionary&lt;string, object?&gt;, IEnumerable&lt;object?&gt;,
    /// JsonElement (facts stored as jsonb), null.</summary>
    public static byte[] Encode(IReadOnlyDictionary<string, object?> value) => Encoding.UTF8.GetBytes(Text(value));

    public static string Text(IReadOnlyDictionary<string, object?> value)
    {
        var builder = new StringBuilder(256);
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                WriteString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case long number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                WriteElement(builder, element);
                break;
            case IReadOnlyDictionary<string, object?> members:
                builder.Append('{');
                var first = true;
                foreach (var (name, member) in members.Where(m => m.Value is not null).OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    WriteString(builder, name);
                    builder.Append(':');
                    Write(builder, member);
                }

                builder.Append('}');
                break;
            case System.Collections.IEnumerable items:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    builder.Append(firstItem ? "" : ",");
                    firstItem = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} has no canonical JSON form.", nameof(value));
        }
    }

    private static void WriteElement(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                Write(builder, element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
                    .ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal));
                break;
            case JsonValueKind.Array:
                Write(builder, element.EnumerateArray().Select(e => (object?)e).ToList());
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var number):
                Write(builder, number);
                break;
            case JsonValueKind.Number:
                // Not written by the hub (its facts are text and integers); kept as its text so nothing is lost.
                WriteString(builder, element.GetRawText());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Write(builder, element.GetBoolean());
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>Also the strings of <see cref="PayloadDigest"/>.</summary>
    internal static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
