using IntegrationHub.Host.Configuration;

namespace IntegrationHub.Host.Calendar;

/// <summary>Builds one year's special days for civil servants (Monday–Friday): the statutory holidays, unless the
/// year's decision replaces them; the decision's days off and working weekend days; and, for a statutory holiday on a
/// Saturday or Sunday that no decision replaced, a compensatory day off on the next working day.</summary>
internal static class NationalYear
{
    public static IReadOnlyDictionary<DateOnly, CalendarDay> Build(int year, CalendarYearOptions? decision, VietnameseLunarCalendar lunar)
    {
        var statutory = StatutoryHolidays.Of(year, lunar).ToList();
        var replaced = decision?.DaysOff.Select(d => d.Replaces).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        var days = new SortedDictionary<DateOnly, CalendarDay>();
        var kept = statutory.Where(h => !replaced.Contains(h.Id)).ToList();
        foreach (var holiday in kept)
        {
            days.TryAdd(holiday.Date, new CalendarDay(holiday.Date, holiday.Name, CalendarDayKinds.Holiday));
        }

        foreach (var entry in decision?.DaysOff ?? [])
        {
            foreach (var day in entry.Days())
            {
                // A statutory holiday inside the decided period keeps its name; weekend days are off anyway.
                var holiday = statutory.FirstOrDefault(h => h.Date == day);
                if (holiday.Name is not null)
                {
                    days[day] = new CalendarDay(day, holiday.Name, CalendarDayKinds.Holiday);
                }
                else if (!IsWeekend(day))
                {
                    days.TryAdd(day, new CalendarDay(day, entry.Name!.Trim(), CalendarDayKinds.DecidedDayOff));
                }
            }
        }

        foreach (var entry in decision?.WorkingDays ?? [])
        {
            CalendarOptions.TryParseDate(entry.Date, out var date);
            days[date] = new CalendarDay(date, entry.Name!.Trim(), CalendarDayKinds.WorkingSaturday);
        }

        // Labour Code art. 112(3): a holiday on a weekly day off is taken on the next working day; so is a second holiday
        // on the same day (the Hùng Kings' day can fall on 30/4).
        var onDayOff = kept.Where((h, i) => IsWeekend(h.Date) || kept.Take(i).Any(earlier => earlier.Date == h.Date));
        foreach (var holiday in onDayOff.OrderBy(h => h.Date).ToList())
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || days.ContainsKey(day))
            {
                day = day.AddDays(1);
            }

            days[day] = new CalendarDay(day, "Nghỉ bù " + holiday.Name, CalendarDayKinds.CompensatoryDayOff);
        }

        return days;
    }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
