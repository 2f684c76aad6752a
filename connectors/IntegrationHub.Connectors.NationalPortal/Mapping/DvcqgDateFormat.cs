using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationHub.Connectors.NationalPortal.Mapping;

/// <summary>The portal's dates: <c>yyyyMMddHHmmss</c> on a 24-hour clock in Vietnam's time, while iGate writes
/// ISO-8601 with an offset. A date is converted to the portal's zone before it is formatted, so an instant keeps its
/// meaning whatever offset it came with (17:00Z is 00:00 the next day in Hanoi).</summary>
public static partial class DvcqgDateFormat
{
    /// <summary><c>HH</c>, not <c>hh</c>: a 12-hour clock would send noon and midnight both as 12.</summary>
    public const string Pattern = "yyyyMMddHHmmss";

    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>Formats an instant as the portal's date in <paramref name="zone"/>.</summary>
    public static string Format(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Parses ISO-8601 that names its offset (<c>Z</c> or <c>±hh:mm</c>). A date without one is refused:
    /// reading it as this machine's local time would shift it silently.</summary>
    public static bool TryParseIso(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null
            && IsoWithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>ISO-8601 with an offset in, the portal's date out.</summary>
    public static bool TryFormatIso(string? iso, TimeZoneInfo zone, [NotNullWhen(true)] out string? formatted)
    {
        formatted = TryParseIso(iso, out var value) ? Format(value, zone) : null;
        return formatted is not null;
    }

    /// <summary>Whether <paramref name="text"/> is a portal date: 14 digits that are a real calendar date and time.</summary>
    public static bool IsDvcqgDate(string? text) =>
        text is { Length: 14 }
        && text.All(char.IsAsciiDigit)
        && DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Finds a time zone by IANA or Windows id. Vietnam has kept UTC+7 without daylight saving since 1975, so
    /// the default zone falls back to a fixed +07:00 on a machine without time-zone data (a slim container).</summary>
    /// <exception cref="TimeZoneNotFoundException">Another id this machine does not know.</exception>
    public static TimeZoneInfo ResolveTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException
            && string.Equals(id, DefaultTimeZoneId, StringComparison.Ordinal))
        {
            return TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZoneId, TimeSpan.FromHours(7), DefaultTimeZoneId, DefaultTimeZoneId);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
