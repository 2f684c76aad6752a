namespace IntegrationHub.Host.Calendar;

/// <summary>The Vietnamese lunisolar calendar, computed astronomically for a time zone (UTC+7 in Vietnam since 1968):
/// a month starts on the local day of a new moon; the 11th month contains the winter solstice; a year with 13 months
/// between two 11th months repeats, as its leap month, the first month that contains no major solar term (the sun
/// entering a multiple of 30° of longitude). The same rules at UTC+8 give the Chinese calendar, which is why
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> differs in some years (1985: a whole month).</summary>
public sealed class VietnameseLunarCalendar
{
    public const int MinYear = 1800;
    public const int MaxYear = 2199;

    private readonly double _zoneDays;

    /// <param name="utcOffsetHours">7 for Vietnam; 8 reckons the Chinese calendar with the same rules.</param>
    public VietnameseLunarCalendar(double utcOffsetHours = 7) => _zoneDays = utcOffsetHours / 24;

    public LunarDate ToLunar(DateOnly date)
    {
        CheckYear(date.Year, nameof(date));
        var day = Astronomy.JulianDayNumber(date);
        // The year between the 11th months that surround the day: starting in the previous or this Gregorian year.
        var startYear = Month11Start(date.Year) <= day ? date.Year : date.Year - 1;
        var month = MonthsFrom(startYear).Last(m => m.Start <= day);
        return new LunarDate(month.Year, month.Number, day - month.Start + 1, month.IsLeap);
    }

    /// <exception cref="ArgumentOutOfRangeException">No such day: a leap month the year does not have, or a 30th in a 29-day month.</exception>
    public DateOnly ToSolar(LunarDate date)
    {
        CheckYear(date.Year, nameof(date));
        if (date.Month is < 1 or > 12 || date.Day is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "A lunar month is 1–12 and a day 1–30.");
        }

        // Months 11 and 12 of lunar year Y begin in the run of months from Y's 11th month; months 1–10 in the run from Y-1's.
        var months = MonthsFrom(date.Month >= 11 ? date.Year : date.Year - 1);
        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            if (month.Number == date.Month && month.IsLeap == date.IsLeapMonth && month.Year == date.Year)
            {
                var length = month.End - month.Start;
                if (date.Day > length)
                {
                    throw new ArgumentOutOfRangeException(nameof(date), date, $"That month has {length} days.");
                }

                return Astronomy.FromJulianDayNumber(month.Start + date.Day - 1);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(date), date, $"Lunar year {date.Year} has no leap month {date.Month}.");
    }

    /// <summary>The 1st day of the 1st month (Tết Nguyên đán) of the lunar year that begins in Gregorian <paramref name="year"/>.</summary>
    public DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1));

    private static void CheckYear(int year, string parameter)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(parameter, year, $"The lunar calendar is computed for {MinYear}–{MaxYear}.");
        }
    }

    /// <summary>The 12 or 13 months from the 11th month that begins in Gregorian <paramref name="year"/> (inclusive) to
    /// the next 11th month (exclusive), numbered.</summary>
    private List<LunarMonth> MonthsFrom(int year)
    {
        var start = Month11Start(year);
        var end = Month11Start(year + 1);
        var lunation = (int)Math.Floor((start - Astronomy.NewMoonEpoch) / Astronomy.SynodicMonth + 0.5);
        var starts = new List<int>();
        for (var i = 0; Lunation(lunation + i) is var s && s < end; i++)
        {
            starts.Add(s);
        }

        // 13 months: the first after the 11th in which no major term begins is the leap month.
        var leap = -1;
        if (starts.Count == 13)
        {
            for (var i = 1; i < 13 && leap < 0; i++)
            {
                if (MajorTerm(starts[i]) == MajorTerm(i + 1 < 13 ? starts[i + 1] : end))
                {
                    leap = i;
                }
            }
        }

        var months = new List<LunarMonth>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var ordinal = leap >= 0 && i >= leap ? i - 1 : i;
            var number = (10 + ordinal) % 12 + 1;
            // Before the 1st month (the 11th, 12th and a leap one of them) the lunar year is the one that began in year.
            var beforeNewYear = ordinal < 2;
            months.Add(new LunarMonth(starts[i], i + 1 < starts.Count ? starts[i + 1] : end, beforeNewYear ? year : year + 1, number, i == leap));
        }

        return months;
    }

    /// <summary>The local day (Julian day number) that holds the 11th month's new moon: the last new moon on or before
    /// the winter solstice, found from the new moon nearest the end of <paramref name="year"/>.</summary>
    private int Month11Start(int year)
    {
        var lastDay = Astronomy.JulianDayNumber(new DateOnly(year, 12, 31));
        var lunation = (int)Math.Floor((lastDay - 2415021) / Astronomy.SynodicMonth);
        var start = Lunation(lunation);
        // Term 9 (270°, the solstice) already begun on that day: the 11th month began one lunation earlier.
        return MajorTerm(start) >= 9 ? Lunation(lunation - 1) : start;
    }

    /// <summary>The local day of the <paramref name="lunation"/>-th new moon.</summary>
    private int Lunation(int lunation) => (int)Math.Floor(Astronomy.NewMoon(lunation) + 0.5 + _zoneDays);

    /// <summary>Which 30° sector (0–11) of longitude the sun is in at the local midnight that begins <paramref name="day"/>.</summary>
    private int MajorTerm(int day) => (int)Math.Floor(Astronomy.SunLongitude(day - 0.5 - _zoneDays) / Math.PI * 6);

    private readonly record struct LunarMonth(int Start, int End, int Year, int Number, bool IsLeap);
}
