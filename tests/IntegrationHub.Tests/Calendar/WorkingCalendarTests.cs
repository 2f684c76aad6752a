using IntegrationHub.Host.Calendar;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IntegrationHub.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>2025's decision as announced: Tết from Saturday 25/1 to Sunday 2/2; 30/4–1/5 extended to Sunday 4/5 by
    /// swapping Friday 2/5 with Saturday 26/4.</summary>
    internal static CalendarOptions Decisions2025() => new()
    {
        Years =
        {
            ["2025"] = new CalendarYearOptions
            {
                DaysOff =
                {
                    new CalendarDaysOffOptions { From = "2025-01-25", To = "2025-02-02", Name = "Tết Nguyên đán Ất Tỵ", Replaces = "tet" },
                    new CalendarDaysOffOptions { From = "2025-05-02", Name = "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)" },
                },
                WorkingDays = { new CalendarWorkingDayOptions { Date = "2025-04-26", Name = "Làm bù cho ngày 2/5" } },
            },
        },
        Named = { ["one-stop-shop"] = new NamedCalendarOptions { WorksSaturdays = true, DaysOff = { new CalendarDaysOffOptions { From = "2027-03-24", Name = "Ngày giải phóng tỉnh" } } } },
    };

    private static WorkingCalendars Calendars(CalendarOptions options, DateTimeOffset? now = null) =>
        new(Options.Create(new HubOptions { Calendar = options }), new VietnameseLunarCalendar(), new FakeTimeProvider(now ?? new DateTimeOffset(2025, 1, 24, 9, 0, 0, Vietnam)));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Without_a_decision_the_statutory_holidays_apply_and_a_holiday_on_a_weekend_gives_the_next_working_day_off()
    {
        // 2027: Tết (1/1 lunar) is Saturday 6/2; 1/5 is a Saturday; 2/9 a Thursday.
        var days = Calendars(new CalendarOptions()).WorkingDays.DaysOf(2027).ToDictionary(d => d.Date);

        Assert.Equal(CalendarDayKinds.Holiday, days[D(2027, 1, 1)].Kind);
        foreach (var tet in new[] { D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8), D(2027, 2, 9) })
        {
            Assert.Equal(CalendarDayKinds.Holiday, days[tet].Kind);
        }

        // Tết's Saturday and Sunday are taken on the next working days after the holidays.
        Assert.Equal(CalendarDayKinds.CompensatoryDayOff, days[D(2027, 2, 10)].Kind);
        Assert.Equal(CalendarDayKinds.CompensatoryDayOff, days[D(2027, 2, 11)].Kind);
        Assert.False(days.ContainsKey(D(2027, 2, 12)));
        Assert.Equal(CalendarDayKinds.CompensatoryDayOff, days[D(2027, 5, 3)].Kind);
        Assert.Equal("Nghỉ bù Ngày Quốc tế Lao động (1/5)", days[D(2027, 5, 3)].Name);
        Assert.Equal(CalendarDayKinds.Holiday, days[D(2027, 9, 3)].Kind);
        Assert.Equal(CalendarDayKinds.Holiday, days[new VietnameseLunarCalendar().ToSolar(new LunarDate(2027, 3, 10))].Kind);
        // 1/1, Tết ×5, its 2 compensatory days, Hùng Kings, 30/4, 1/5 and its compensatory day, 2/9 and 3/9.
        Assert.Equal(14, days.Count);
    }

    /// <summary>The law's 11 days off (1 + 5 + 1 + 1 + 1 + 2) are 11 weekdays off every year: a holiday on a weekend, or
    /// on another holiday (the Hùng Kings' day on 30/4), is made up on a working day.</summary>
    [Fact]
    public void Every_year_without_a_decision_gives_eleven_weekdays_off()
    {
        var calendar = Calendars(new CalendarOptions()).WorkingDays;
        for (var year = CalendarOptions.FirstYear; year <= CalendarOptions.LastYear; year++)
        {
            var weekdaysOff = 0;
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                weekdaysOff += day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsWorkingDay(day) ? 1 : 0;
            }

            Assert.True(weekdaysOff == 11, $"{year}: {weekdaysOff} weekdays off");
        }
    }

    [Fact]
    public void A_years_decision_replaces_the_default_tet_and_swaps_a_friday_for_a_working_saturday()
    {
        var calendar = Calendars(Decisions2025()).WorkingDays;
        var days = calendar.DaysOf(2025).ToDictionary(d => d.Date);

        Assert.Equal(CalendarDayKinds.DecidedDayOff, days[D(2025, 1, 27)].Kind);
        Assert.Equal("Tết Nguyên đán Ất Tỵ", days[D(2025, 1, 27)].Name);
        Assert.Equal(CalendarDayKinds.Holiday, days[D(2025, 1, 29)].Kind);
        Assert.Equal(CalendarDayKinds.Holiday, days[D(2025, 2, 1)].Kind);
        // The decided Tết already covers its Saturday: no compensatory Monday 3/2.
        Assert.False(days.ContainsKey(D(2025, 2, 3)));
        Assert.False(days.ContainsKey(D(2025, 1, 25)));
        Assert.True(calendar.IsWorkingDay(D(2025, 2, 3)));
        Assert.False(calendar.IsWorkingDay(D(2025, 1, 25)));

        Assert.Equal(CalendarDayKinds.WorkingSaturday, days[D(2025, 4, 26)].Kind);
        Assert.True(calendar.IsWorkingDay(D(2025, 4, 26)));
        Assert.Equal(CalendarDayKinds.DecidedDayOff, days[D(2025, 5, 2)].Kind);
        Assert.False(calendar.IsWorkingDay(D(2025, 5, 2)));
        Assert.True(calendar.IsWorkingDay(D(2025, 5, 5)));
    }

    [Fact]
    public void Working_days_are_counted_past_weekends_and_days_off()
    {
        var calendar = Calendars(Decisions2025()).WorkingDays;

        Assert.Equal(D(2025, 2, 3), calendar.NextWorkingDay(D(2025, 1, 24)));
        Assert.Equal(D(2025, 2, 5), calendar.AddWorkingDays(D(2025, 1, 24), 3));
        Assert.Equal(D(2025, 1, 24), calendar.AddWorkingDays(D(2025, 2, 3), -1));
        Assert.Equal(D(2025, 1, 25), calendar.AddWorkingDays(D(2025, 1, 25), 0));
        // The working Saturday counts: Friday 25/4 + 1 = Saturday 26/4; then 28/4, 29/4, and 5/5 after the holidays.
        Assert.Equal(D(2025, 4, 26), calendar.AddWorkingDays(D(2025, 4, 25), 1));
        Assert.Equal(D(2025, 5, 5), calendar.AddWorkingDays(D(2025, 4, 25), 4));
    }

    [Fact]
    public void Working_hours_count_office_hours_of_working_days_only()
    {
        var calendar = Calendars(Decisions2025()).WorkingDays;
        var fridayAfternoon = new DateTimeOffset(2025, 1, 24, 16, 0, 0, Vietnam);

        // One hour on Friday, the next after Tết: Monday 3/2 08:30.
        Assert.Equal(new DateTimeOffset(2025, 2, 3, 8, 30, 0, Vietnam), calendar.AddWorkingHours(fridayAfternoon, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(fridayAfternoon, new DateTimeOffset(2025, 2, 3, 8, 30, 0, Vietnam)));
        Assert.Equal(TimeSpan.FromHours(-2), calendar.WorkingTimeBetween(new DateTimeOffset(2025, 2, 3, 8, 30, 0, Vietnam), fridayAfternoon));
        // The lunch break does not count; an instant in UTC is read in Vietnam's time.
        Assert.Equal(new DateTimeOffset(2025, 2, 3, 13, 30, 0, Vietnam), calendar.AddWorkingHours(new DateTimeOffset(2025, 2, 3, 4, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)));
        // A request at night counts from the next opening: 8 h = one full working day.
        Assert.Equal(new DateTimeOffset(2025, 2, 3, 17, 0, 0, Vietnam), calendar.AddWorkingHours(new DateTimeOffset(2025, 1, 31, 22, 0, 0, Vietnam), TimeSpan.FromHours(8)));
        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingTimeBetween(new DateTimeOffset(2025, 2, 3, 0, 0, 0, Vietnam), new DateTimeOffset(2025, 2, 4, 0, 0, 0, Vietnam)));
    }

    [Fact]
    public void Office_hours_come_from_configuration()
    {
        var calendar = Calendars(new CalendarOptions { OfficeHours = { "08:00-12:00", "13:30-17:30" } }).WorkingDays;

        Assert.Equal(new DateTimeOffset(2027, 2, 12, 14, 30, 0, Vietnam), calendar.AddWorkingHours(new DateTimeOffset(2027, 2, 12, 11, 0, 0, Vietnam), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_named_calendar_adds_its_own_days_off_and_may_work_saturdays()
    {
        var calendars = Calendars(Decisions2025());
        var office = calendars.Find("one-stop-shop")!;

        Assert.True(office.IsWorkingDay(D(2027, 3, 20)));
        Assert.False(office.IsWorkingDay(D(2027, 3, 21)));
        Assert.False(office.IsWorkingDay(D(2027, 3, 24)));
        Assert.True(calendars.WorkingDays.IsWorkingDay(D(2027, 3, 24)));
        Assert.False(office.IsWorkingDay(D(2027, 1, 1)));
        Assert.Null(calendars.Find("all-days"));
        Assert.Equal(D(2025, 1, 24), calendars.Today);
    }

    [Fact]
    public void Years_outside_the_supported_range_are_refused()
    {
        var calendar = Calendars(new CalendarOptions()).WorkingDays;

        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsWorkingDay(D(2020, 6, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.DaysOf(2101));
    }

    [Fact]
    public void Malformed_decisions_are_each_reported()
    {
        var options = new CalendarOptions
        {
            OfficeHours = { "13:00-17:00", "07:30-11:30" },
            Years =
            {
                ["2026"] = new CalendarYearOptions
                {
                    DaysOff =
                    {
                        new CalendarDaysOffOptions { From = "2026-02-14", To = "2026-02-22", Name = "Tết", Replaces = "lunar-new-year" },
                        new CalendarDaysOffOptions { From = "2027-01-01", Name = "Next year" },
                        new CalendarDaysOffOptions { From = "14/02/2026", Name = "Badly written" },
                    },
                    WorkingDays =
                    {
                        new CalendarWorkingDayOptions { Date = "2026-02-21", Name = "Both" },
                        new CalendarWorkingDayOptions { Date = "2026-03-02", Name = "A Monday" },
                        new CalendarWorkingDayOptions { Date = "2026-03-07" },
                    },
                },
                ["26"] = new CalendarYearOptions(),
            },
        };

        var problems = options.Problems().ToList();

        Assert.Equal(
        [
            "Hub:Calendar:OfficeHours: '07:30-11:30' must be HH:mm-HH:mm, start before end, after the previous interval (e.g. 07:30-11:30).",
            "Hub:Calendar:Years:2026:DaysOff:0:Replaces 'lunar-new-year' is not a statutory holiday (known: new-year, tet, hung-kings, reunification, labour-day, national-day).",
            "Hub:Calendar:Years:2026:DaysOff:1:From '2027-01-01' must be a date of 2026 as yyyy-MM-dd.",
            "Hub:Calendar:Years:2026:DaysOff:2:From '14/02/2026' must be a date of 2026 as yyyy-MM-dd.",
            "Hub:Calendar:Years:2026:WorkingDays:0:Date 2026-02-21 is also listed as a day off in Hub:Calendar:Years:2026:DaysOff.",
            "Hub:Calendar:Years:2026:WorkingDays:1:Date 2026-03-02 is a Monday, already a working day (only a Saturday or Sunday can be made one).",
            "Hub:Calendar:Years:2026:WorkingDays:2:Name is required (e.g. 'Làm bù cho ngày 2/5').",
            "Hub:Calendar:Years:26: the key must be a year from 2021 to 2100.",
        ], problems);
    }
}
