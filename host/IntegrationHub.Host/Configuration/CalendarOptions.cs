using System.Globalization;

namespace IntegrationHub.Host.Configuration;

/// <summary>The working-day calendar (<c>Hub:Calendar</c>): office hours, each year's government decision, and
/// named calendars flows can use. Dates and times are local (<c>Hub:Scheduling:DefaultTimeZone</c>).</summary>
public sealed class CalendarOptions
{
    /// <summary>Years the working-day calendar answers for: the Labour Code 2019 (in force from 2021) to 2100.</summary>
    public const int FirstYear = 2021;
    public const int LastYear = 2100;

    private static readonly string[] HolidayIds = ["new-year", "tet", "hung-kings", "reunification", "labour-day", "national-day"];

    /// <summary>Office hours of a working day, <c>HH:mm-HH:mm</c> each, in order. Empty: 07:30-11:30 and 13:00-17:00.</summary>
    public List<string> OfficeHours { get; set; } = [];

    public Dictionary<string, CalendarYearOptions> Years { get; set; } = [];

    public Dictionary<string, NamedCalendarOptions> Named { get; set; } = [];

    /// <summary>The statutory holidays a decision may replace (<see cref="CalendarDaysOffOptions.Replaces"/>).</summary>
    public static IReadOnlyList<string> Holidays => HolidayIds;

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseOfficeHours(string? text, out TimeOnly start, out TimeOnly end)
    {
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        end = default;
        return TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start) &&
               parts.Length == 2 && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out end) &&
               start < end;
    }

    public IEnumerable<string> Problems()
    {
        var previousEnd = TimeOnly.MinValue;
        foreach (var hours in OfficeHours)
        {
            if (!TryParseOfficeHours(hours, out var start, out var end) || start < previousEnd)
            {
                yield return $"Hub:Calendar:OfficeHours: '{hours}' must be HH:mm-HH:mm, start before end, after the previous interval (e.g. 07:30-11:30).";
                break;
            }

            previousEnd = end;
        }

        foreach (var (key, year) in Years)
        {
            var prefix = $"Hub:Calendar:Years:{key}";
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || key.Length != 4 || number is < FirstYear or > LastYear)
            {
                yield return $"{prefix}: the key must be a year from {FirstYear} to {LastYear}.";
                continue;
            }

            var off = new HashSet<DateOnly>();
            for (var i = 0; i < year.DaysOff.Count; i++)
            {
                foreach (var problem in DaysOffProblems($"{prefix}:DaysOff:{i}", year.DaysOff[i], number, off))
                {
                    yield return problem;
                }
            }

            for (var i = 0; i < year.WorkingDays.Count; i++)
            {
                var entry = year.WorkingDays[i];
                var at = $"{prefix}:WorkingDays:{i}";
                if (!TryParseDate(entry.Date, out var date) || date.Year != number)
                {
                    yield return $"{at}:Date '{entry.Date}' must be a date of {number} as yyyy-MM-dd.";
                }
                else if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    yield return $"{at}:Date {entry.Date} is a {date.DayOfWeek}, already a working day (only a Saturday or Sunday can be made one).";
                }
                else if (off.Contains(date))
                {
                    yield return $"{at}:Date {entry.Date} is also listed as a day off in {prefix}:DaysOff.";
                }

                if (string.IsNullOrWhiteSpace(entry.Name))
                {
                    yield return $"{at}:Name is required (e.g. 'Làm bù cho ngày 2/5').";
                }
            }
        }

        foreach (var (name, named) in Named)
        {
            if (name is "working-days" or "all-days")
            {
                yield return $"Hub:Calendar:Named:{name}: '{name}' is a built-in calendar; give yours another name.";
            }

            for (var i = 0; i < named.DaysOff.Count; i++)
            {
                foreach (var problem in DaysOffProblems($"Hub:Calendar:Named:{name}:DaysOff:{i}", named.DaysOff[i], year: null, []))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<string> DaysOffProblems(string at, CalendarDaysOffOptions entry, int? year, HashSet<DateOnly> seen)
    {
        var inYear = year is { } y ? $" of {y}" : "";
        if (!TryParseDate(entry.From, out var from) || (year is { } a && from.Year != a))
        {
            yield return $"{at}:From '{entry.From}' must be a date{inYear} as yyyy-MM-dd.";
            yield break;
        }

        var to = from;
        if (!string.IsNullOrWhiteSpace(entry.To) && (!TryParseDate(entry.To, out to) || (year is { } b && to.Year != b) || to < from || to.DayNumber - from.DayNumber > 31))
        {
            yield return $"{at}:To '{entry.To}' must be a date{inYear} as yyyy-MM-dd, on or after From and at most 31 days later.";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            yield return $"{at}:Name is required (e.g. 'Tết Nguyên đán').";
        }

        if (entry.Replaces is { } replaces && (year is null || !HolidayIds.Contains(replaces)))
        {
            yield return year is null
                ? $"{at}:Replaces is only for a year's decision."
                : $"{at}:Replaces '{replaces}' is not a statutory holiday (known: {string.Join(", ", HolidayIds)}).";
        }

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            seen.Add(day);
        }
    }
}
