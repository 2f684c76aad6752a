using System.Globalization;
using System.Text;

namespace IntegrationHub.Contracts.Text;

/// <summary>Text a caller sent, made safe to echo in a log line, a JSON answer or a SOAP Fault: control characters
/// (C0, DEL, C1), the Unicode line and paragraph separators, unpaired surrogates and U+FFFE/U+FFFF are written as
/// escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, else <c>\uXXXX</c>), so it can never start a line of its own nor break XML.</summary>
public static class EscapedText
{
    public static string Escape(string text) => NeedsEscaping(text) ? Append(new StringBuilder(text.Length + 16), text).ToString() : text;

    public static StringBuilder Append(StringBuilder builder, string? text)
    {
        text ??= string.Empty;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when IsEscaped(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder;
    }

    private static bool NeedsEscaping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsEscaped(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEscaped(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF';
}
