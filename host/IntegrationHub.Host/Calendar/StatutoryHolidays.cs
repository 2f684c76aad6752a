namespace IntegrationHub.Host.Calendar;

/// <summary>The public holidays of the Labour Code 2019, art. 112, for a year without a government decision. Where the
/// law leaves a choice, the default is: Tết = the last day of the old lunar year and the 1st–4th of the new; National
/// Day = 2/9 and 1/9, or 2/9 and 3/9 when 2/9 is a Monday or Thursday (so the two days touch the weekend).</summary>
internal static class StatutoryHolidays
{
    public static IEnumerable<(string Id, DateOnly Date, string Name)> Of(int year, VietnameseLunarCalendar lunar)
    {
        yield return ("new-year", new DateOnly(year, 1, 1), "Tết Dương lịch");
        var tet = lunar.NewYear(year);
        yield return ("tet", tet.AddDays(-1), "Tết Nguyên đán (cuối năm âm lịch)");
        for (var day = 0; day < 4; day++)
        {
            yield return ("tet", tet.AddDays(day), $"Tết Nguyên đán (mùng {day + 1})");
        }

        yield return ("hung-kings", lunar.ToSolar(new LunarDate(year, 3, 10)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        yield return ("reunification", new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)");
        yield return ("labour-day", new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)");
        var nationalDay = new DateOnly(year, 9, 2);
        yield return ("national-day", nationalDay, "Quốc khánh (2/9)");
        var adjacent = nationalDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);
        yield return ("national-day", adjacent, "Quốc khánh (ngày liền kề)");
    }
}
