using System.Globalization;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The platform's dates: <c>yyyyMMddHHmmss</c> (24-hour clock) and days <c>yyyyMMdd</c>, in Vietnam's time.</summary>
public static class PaymentTime
{
    public const string Pattern = "yyyyMMddHHmmss";
    public const string DayPattern = "yyyyMMdd";
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>Vietnam has kept UTC+7 without daylight saving since 1975, so a machine without time-zone data falls
    /// back to a fixed +07:00.</summary>
    public static TimeZoneInfo Zone { get; } = ResolveZone();

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString(Pattern, CultureInfo.InvariantCulture);

    public static string FormatDay(DateOnly day) => day.ToString(DayPattern, CultureInfo.InvariantCulture);

    public static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Reads a platform date as an instant in Vietnam's time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is not { Length: 14 }
            || !DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, Zone.GetUtcOffset(local));
        return true;
    }

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayPattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static TimeZoneInfo ResolveZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(7), TimeZoneId, TimeZoneId);
        }
    }
}
