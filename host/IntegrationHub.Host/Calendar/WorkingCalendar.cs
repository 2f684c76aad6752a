namespace IntegrationHub.Host.Calendar;

/// <summary>One calendar of working days and office hours, with the arithmetic deadlines need: is a day a working day,
/// the n-th working day after a date, and working time (office hours of working days, local time) added to an instant
/// or between two instants. Dates are local dates in <see cref="Zone"/>; instants are absolute.</summary>
public sealed class WorkingCalendar
{
    /// <summary>How far arithmetic searches before it gives up: a calendar with no working day at all is a config error.</summary>
    private const int MaxDaysSearched = 3660;

    private readonly Func<int, IReadOnlyDictionary<DateOnly, CalendarDay>> _year;
    private readonly IReadOnlySet<DateOnly> _extraDaysOff;
    private readonly bool _worksSaturdays;
    private readonly IReadOnlyList<(TimeOnly Start, TimeOnly End)> _officeHours;

    internal WorkingCalendar(string name, Func<int, IReadOnlyDictionary<DateOnly, CalendarDay>> year, IReadOnlySet<DateOnly> extraDaysOff,
        bool worksSaturdays, IReadOnlyList<(TimeOnly Start, TimeOnly End)> officeHours, TimeZoneInfo zone)
    {
        Name = name;
        _year = year;
        _extraDaysOff = extraDaysOff;
        _worksSaturdays = worksSaturdays;
        _officeHours = officeHours;
        Zone = zone;
    }

    public string Name { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Office hours of each working day (local, in order, not overlapping), as validated at start.</summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> OfficeHours => _officeHours;

    /// <exception cref="ArgumentOutOfRangeException">A year outside the supported range (see <see cref="Configuration.CalendarOptions.FirstYear"/>).</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_extraDaysOff.Contains(date))
        {
            return false;
        }

        if (_year(date.Year).TryGetValue(date, out var special))
        {
            return !special.IsDayOff;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Sunday => false,
            DayOfWeek.Saturday => _worksSaturdays,
            _ => true,
        };
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="date"/> (before it when negative); the day
    /// itself does not count, as in a statutory deadline "within n working days of receipt". 0: the date itself.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        var left = Math.Abs(days);
        var day = date;
        for (var searched = 0; left > 0; searched++)
        {
            if (searched > MaxDaysSearched + Math.Abs(days) * 7)
            {
                throw new InvalidOperationException($"Calendar '{Name}' has no working day near {date:yyyy-MM-dd}.");
            }

            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>The instant reached after <paramref name="amount"/> of office time from <paramref name="start"/>: time
    /// outside office hours and on days off does not count (a request at 17:30 with 2 h is due at 09:30 next working day).</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(start, Zone).DateTime;
        var left = amount;
        var date = DateOnly.FromDateTime(local);
        for (var searched = 0; searched <= MaxDaysSearched + amount.TotalDays * 14; searched++, date = date.AddDays(1))
        {
            foreach (var (from, to) in Intervals(date))
            {
                var begin = from > local ? from : local;
                if (begin >= to)
                {
                    continue;
                }

                if (to - begin >= left)
                {
                    return ToInstant(begin + left);
                }

                left -= to - begin;
            }
        }

        throw new InvalidOperationException($"Calendar '{Name}' has no office hours near {start:O}.");
    }

    /// <summary>Office time between two instants (negative when <paramref name="to"/> is before <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var start = TimeZoneInfo.ConvertTime(from, Zone).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, Zone).DateTime;
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            foreach (var (open, close) in Intervals(date))
            {
                var begin = open > start ? open : start;
                var finish = close < end ? close : end;
                if (finish > begin)
                {
                    total += finish - begin;
                }
            }
        }

        return total;
    }

    /// <summary>The year's special days (holidays, compensatory and decided days off, working weekend days), by date.</summary>
    public IReadOnlyList<CalendarDay> DaysOf(int year) => _year(year).Values.OrderBy(d => d.Date).ToList();

    private IEnumerable<(DateTime Start, DateTime End)> Intervals(DateOnly date) =>
        IsWorkingDay(date) ? _officeHours.Select(h => (date.ToDateTime(h.Start), date.ToDateTime(h.End))) : [];

    private DateTimeOffset ToInstant(DateTime local) => new(local, Zone.GetUtcOffset(local));
}
