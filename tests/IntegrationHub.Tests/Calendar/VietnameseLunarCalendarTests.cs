using System.Globalization;
using IntegrationHub.Host.Calendar;
using Xunit;

namespace IntegrationHub.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    private readonly VietnameseLunarCalendar _calendar = new();

    /// <summary>Tết Nguyên đán (1/1 lunar) as announced in Vietnam.</summary>
    [Theory]
    [InlineData(1968, "1968-01-29")]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2000, "2000-02-05")]
    [InlineData(2001, "2001-01-24")]
    [InlineData(2002, "2002-02-12")]
    [InlineData(2003, "2003-02-01")]
    [InlineData(2004, "2004-01-22")]
    [InlineData(2005, "2005-02-09")]
    [InlineData(2006, "2006-01-29")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2008, "2008-02-07")]
    [InlineData(2009, "2009-01-26")]
    [InlineData(2010, "2010-02-14")]
    [InlineData(2011, "2011-02-03")]
    [InlineData(2012, "2012-01-23")]
    [InlineData(2013, "2013-02-10")]
    [InlineData(2014, "2014-01-31")]
    [InlineData(2015, "2015-02-19")]
    [InlineData(2016, "2016-02-08")]
    [InlineData(2017, "2017-01-28")]
    [InlineData(2018, "2018-02-16")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    // Not 3 February (China's): the new moon falls at 23:07 on the 2nd at UTC+7.
    [InlineData(2030, "2030-02-02")]
    public void Tet_falls_on_the_announced_day(int year, string expected)
    {
        var tet = DateOnly.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(tet, _calendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), _calendar.ToLunar(tet));
        // The day before is the last day of the 12th month (possibly a leap 12th) of the previous lunar year.
        var eve = _calendar.ToLunar(tet.AddDays(-1));
        Assert.Equal((year - 1, 12), (eve.Year, eve.Month));
        Assert.Contains(eve.Day, new[] { 29, 30 });
    }

    /// <summary>Giỗ Tổ Hùng Vương, 10/3 lunar.</summary>
    [Theory]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2020, "2020-04-02")]
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_falls_on_the_announced_day(int year, string expected)
    {
        var day = DateOnly.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(day, _calendar.ToSolar(new LunarDate(year, 3, 10)));
        Assert.Equal(new LunarDate(year, 3, 10), _calendar.ToLunar(day));
    }

    /// <summary>2020 had a leap 4th month, 2023 a leap 2nd month (both well known: Vu Lan, the double months).</summary>
    [Fact]
    public void Leap_months_are_numbered_after_the_month_they_repeat()
    {
        Assert.Equal(new LunarDate(2020, 4, 1, IsLeapMonth: true), _calendar.ToLunar(new DateOnly(2020, 5, 23)));
        Assert.Equal(new LunarDate(2020, 5, 1), _calendar.ToLunar(new DateOnly(2020, 6, 21)));
        Assert.Equal(new DateOnly(2023, 3, 22), _calendar.ToSolar(new LunarDate(2023, 2, 1, IsLeapMonth: true)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.ToSolar(new LunarDate(2024, 2, 1, IsLeapMonth: true)));
    }

    [Fact]
    public void Solar_to_lunar_and_back_is_the_same_day_for_every_day_of_1968_to_2100()
    {
        for (var day = new DateOnly(1968, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var lunar = _calendar.ToLunar(day);
            Assert.Equal(day, _calendar.ToSolar(lunar));
        }
    }

    /// <summary>Why the hub has its own calendar: .NET's is China's (UTC+8). In 1985 the new moon of 21 January fell
    /// before midnight in Vietnam's time zone but after it in China's, so the solstice month and Tết moved by a month;
    /// in 2007 the new moon of 17 February fell at 23:14 in Vietnam and on the 18th in China.</summary>
    [Theory]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(1968, "1968-01-29", "1968-01-30")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    public void Tet_differs_from_dotnets_chinese_calendar(int year, string vietnam, string china)
    {
        var chinese = new ChineseLunisolarCalendar();
        var chinaDay = DateOnly.Parse(china, CultureInfo.InvariantCulture);
        var chinaTime = chinaDay.ToDateTime(TimeOnly.MinValue);
        Assert.Equal((1, 1), (chinese.GetMonth(chinaTime), chinese.GetDayOfMonth(chinaTime)));
        Assert.Equal(year, chinese.GetYear(chinaTime));

        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), _calendar.NewYear(year));
        Assert.NotEqual(chinaDay, _calendar.NewYear(year));
        // The same rules reckoned at UTC+8 give China's day: the difference is the time zone, not the method.
        Assert.Equal(chinaDay, new VietnameseLunarCalendar(utcOffsetHours: 8).NewYear(year));
    }
}
