using System.Globalization;
using System.Xml;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Lexical forms of dates, timestamps and codes on the wire (xs:date, xs:dateTime, two-digit status codes).</summary>
internal static class EdXmlFormat
{
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset value) => XmlConvert.ToString(value);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string StatusCode(EdXmlStatusCode value) => ((int)value).ToString("D2", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text, string element) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Invalid(element, text);

    public static DateTimeOffset ParseTimestamp(string text, string element)
    {
        try
        {
            return XmlConvert.ToDateTimeOffset(text.Trim());
        }
        catch (FormatException ex)
        {
            throw Invalid(element, text, ex);
        }
    }

    public static int ParseNumber(string text, string element) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(element, text);

    public static EdXmlStatusCode ParseStatusCode(string text)
    {
        var trimmed = text.Trim();
        // Exactly two digits, as the standard writes them ("01", "13"); "1" or "+1" are not accepted.
        if (trimmed.Length == 2 && char.IsAsciiDigit(trimmed[0]) && char.IsAsciiDigit(trimmed[1]))
        {
            var code = (EdXmlStatusCode)int.Parse(trimmed, CultureInfo.InvariantCulture);
            if (Enum.IsDefined(code))
            {
                return code;
            }
        }

        throw Invalid("StatusCode", text);
    }

    private static EdXmlException Invalid(string element, string text, Exception? inner = null) =>
        new(EdXmlErrorCodes.InvalidValue, $"{element} has an invalid value '{Shorten(text)}'.", inner);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
