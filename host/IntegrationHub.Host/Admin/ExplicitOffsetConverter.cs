using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Host.Admin;

/// <summary>Reads an instant of an admin request only with its offset (<c>2026-12-05T22:00:00+07:00</c> or <c>…Z</c>).
/// Without one, System.Text.Json would take the server's own offset: a maintenance window typed in Vietnamese time on a
/// host whose clock runs in UTC would start seven hours late, and a bare date would pass as midnight there.</summary>
public sealed class ExplicitOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is { Length: > 10 } && text.Contains('T', StringComparison.Ordinal) && HasOffset(text) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        throw new JsonException("A time needs its offset: 2026-12-05T22:00:00+07:00 or 2026-12-05T15:00:00Z");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));

    private static bool HasOffset(string text) =>
        text[^1] is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
