using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace IntegrationHub.Contracts.Text;

/// <summary>The one check every JSON body passes before anything reads it: well-formed, every string and property name
/// storable by PostgreSQL (valid UTF-8, no unpaired surrogate escape, no <c>\u0000</c>), no property twice in an
/// object, and all text in NFC. A body already in NFC is returned as it came (no copy); otherwise it is written again
/// with its strings normalized. System.Text.Json itself does not check the text of strings until they are read, and
/// jsonb refuses what it lets through, so without this one bad character is accepted and fails later.</summary>
public static class JsonTextInspector
{
    public const int DefaultMaxDepth = 64;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Readable Vietnamese in what is stored; the text is stored, never embedded in HTML.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = true,
    };

    /// <param name="json">UTF-8 JSON; a leading byte order mark is skipped.</param>
    /// <param name="maxDepth">Deeper nesting is malformed.</param>
    /// <param name="storable">The text to read further: <paramref name="json"/> itself, or its NFC rewrite.</param>
    /// <param name="refuseDuplicates">False only for text the hub keeps as it is (a source's record), where jsonb's
    /// "last one wins" is the record's own business.</param>
    /// <returns>Null when the text may be read, else why not.</returns>
    public static JsonTextProblem? Inspect(ReadOnlyMemory<byte> json, int maxDepth, out ReadOnlyMemory<byte> storable, bool refuseDuplicates = true)
    {
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        storable = json;
        var options = new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };
        var reader = new Utf8JsonReader(json.Span, options);
        var names = new List<HashSet<string>>();
        string? lastName = null;
        var rewrite = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        // Property names of this object are collected at its properties' depth.
                        while (names.Count <= reader.CurrentDepth + 1)
                        {
                            names.Add(new HashSet<string>(StringComparer.Ordinal));
                        }

                        names[reader.CurrentDepth + 1].Clear();
                        break;
                    case JsonTokenType.PropertyName:
                        if (ReadText(ref reader, lastName, needText: true, ref rewrite, out var name) is { } nameProblem)
                        {
                            return nameProblem;
                        }

                        lastName = StorableText.Nfc(name!);
                        if (refuseDuplicates && !names[reader.CurrentDepth].Add(lastName))
                        {
                            return new JsonTextProblem(JsonTextProblem.DuplicateField, $"Property '{lastName}' appears twice in one object; send each property once.");
                        }

                        break;
                    case JsonTokenType.String:
                        if (ReadText(ref reader, lastName, needText: false, ref rewrite, out _) is { } valueProblem)
                        {
                            return valueProblem;
                        }

                        break;
                    case JsonTokenType.Number when !StorableNumber.IsStorable(reader.ValueSpan):
                        return new JsonTextProblem(JsonTextProblem.InvalidNumber,
                            $"A number the hub cannot store{(lastName is null ? string.Empty : $" (at or after property '{lastName}')")}: at most {StorableNumber.MaxIntegerDigits} digits before the decimal point and {StorableNumber.MaxScale} after it; nothing was stored.");
                }
            }
        }
        catch (JsonException e)
        {
            return new JsonTextProblem(JsonTextProblem.MalformedJson, $"The body is not valid JSON: {e.Message}");
        }

        if (rewrite)
        {
            storable = Normalized(json.Span, options);
        }

        return null;
    }

    /// <summary>Checks the current string token. Plain ASCII (nearly every token) is checked without a string being made.</summary>
    private static JsonTextProblem? ReadText(ref Utf8JsonReader reader, string? lastName, bool needText, ref bool rewrite, out string? text)
    {
        text = null;
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && System.Text.Ascii.IsValid(raw))
        {
            text = needText ? Encoding.ASCII.GetString(raw) : null;
            return null;
        }

        if (!reader.ValueIsEscaped && !Utf8.IsValid(raw))
        {
            return Invalid("bytes that are not valid UTF-8", lastName);
        }

        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Only an escape can still be wrong here: an unpaired surrogate such as \ud800.
            return Invalid("an unpaired surrogate escape (\\ud800-\\udfff)", lastName);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Invalid("\\u0000", lastName);
        }

        rewrite |= !StorableText.IsNfc(text);
        return null;
    }

    private static JsonTextProblem Invalid(string what, string? lastName) =>
        new(JsonTextProblem.InvalidText,
            $"Text the hub cannot store: {what}{(lastName is null ? string.Empty : $" (at or after property '{lastName}')")}. Send UTF-8 text without \\u0000 or unpaired surrogates; nothing was stored.");

    private static ReadOnlyMemory<byte> Normalized(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 64);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            var reader = new Utf8JsonReader(json, options);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    case JsonTokenType.PropertyName:
                        writer.WritePropertyName(StorableText.Nfc(reader.GetString()!));
                        break;
                    case JsonTokenType.String:
                        writer.WriteStringValue(StorableText.Nfc(reader.GetString()!));
                        break;
                    case JsonTokenType.Number:
                        // The number exactly as sent: no rounding through a .NET type.
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                        break;
                    case JsonTokenType.Null:
                        writer.WriteNullValue();
                        break;
                }
            }
        }

        return output.WrittenMemory;
    }
}
