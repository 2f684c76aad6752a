using System.Globalization;
using System.Text;

namespace IntegrationHub.Tests.Security.Fuzzing;

/// <summary>A JSON document as the fuzzer builds it: an object keeps its properties in order and may repeat a name; any
/// value may be raw text, valid JSON or not. Strings are written with exactly the escapes the fuzzer chooses (an
/// unpaired surrogate or a NUL as <c>\uXXXX</c>, everything else as UTF-8), which System.Text.Json would not do.</summary>
public sealed class FuzzJson
{
    private readonly string? _raw;

    private FuzzJson(string? raw, IReadOnlyList<KeyValuePair<string, FuzzJson>>? properties)
    {
        _raw = raw;
        Properties = properties ?? [];
    }

    public bool IsObject => _raw is null;

    public IReadOnlyList<KeyValuePair<string, FuzzJson>> Properties { get; }

    public static FuzzJson Raw(string text) => new(text, null);

    public static FuzzJson Object(IEnumerable<KeyValuePair<string, FuzzJson>> properties) => new(null, properties.ToList());

    public static FuzzJson Object(params (string Name, FuzzJson Value)[] properties) =>
        Object(properties.Select(p => KeyValuePair.Create(p.Name, p.Value)));

    public static FuzzJson String(string value) => new(Quote(value), null);

    public static FuzzJson Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>A JSON string literal: quotes, backslashes, control characters and unpaired surrogates escaped; the rest as it is.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    public override string ToString() =>
        _raw ?? "{" + string.Join(",", Properties.Select(p => $"{Quote(p.Key)}:{p.Value}")) + "}";
}
