using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace IntegrationHub.Contracts.Text;

/// <summary>Text as the hub keeps it: storable by PostgreSQL (no NUL, no unpaired surrogate: <c>text</c> and
/// <c>jsonb</c> refuse both) and in Unicode NFC, so "Nguyễn" typed composed or decomposed is one business key.</summary>
public static class StorableText
{
    /// <returns>Null when PostgreSQL can store <paramref name="text"/>, else what it holds that cannot be stored.</returns>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return "a NUL character (\\u0000)";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "an unpaired surrogate (\\ud800-\\udfff)";
            }
        }

        return null;
    }

    /// <summary>The NFC form; the text itself (no copy) when it is already NFC, as nearly all text is.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Nfc(string? text) => text is null || IsNfc(text) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>True when <paramref name="text"/> is in NFC, or has no normal form: .NET refuses to normalize text with an
    /// unpaired surrogate or a noncharacter such as U+FFFE, which is then kept as it is.</summary>
    public static bool IsNfc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>For text that must be kept whatever it holds (a record key, a dead letter's raw payload): NUL and
    /// unpaired surrogates become U+FFFD, the rest NFC.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Sanitize(string? text)
    {
        if (text is null || Problem(text) is null)
        {
            return Nfc(text);
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return Nfc(builder.ToString());
    }
}
