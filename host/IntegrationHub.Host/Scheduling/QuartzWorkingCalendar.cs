using IntegrationHub.Host.Calendar;
using Quartz.Impl.Calendar;

namespace IntegrationHub.Host.Scheduling;

/// <summary>A working-day calendar as Quartz stores it. Quartz's job store persists calendars with its JSON serializer,
/// which knows only its built-in calendars, so the engine's calendar becomes a <see cref="HolidayCalendar"/> listing
/// every non-working day of a window of years (in the calendar's zone), written again at each start.</summary>
public static class QuartzWorkingCalendar
{
    /// <summary>Years before and after the current one the stored calendar covers.</summary>
    public const int YearsBefore = 1;
    public const int YearsAfter = 10;

    public static string NameOf(string calendarName) => "hub:" + calendarName;

    public static HolidayCalendar Build(WorkingCalendar calendar, DateOnly today)
    {
        var holidays = new HolidayCalendar { TimeZone = calendar.Zone, Description = $"Non-working days of '{calendar.Name}'" };
        var first = Math.Max(today.Year - YearsBefore, Configuration.CalendarOptions.FirstYear);
        var last = Math.Min(today.Year + YearsAfter, Configuration.CalendarOptions.LastYear);
        for (var day = new DateOnly(first, 1, 1); day.Year <= last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                holidays.AddExcludedDay(day);
            }
        }

        return holidays;
    }
}
