namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Due dates in Vietnam time (+07:00, no daylight saving) counted in working days (Monday to Friday). Public
/// holidays are left out: the sandbox's due dates only need to be plausible, not legally exact.</summary>
internal static class WorkingCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Local midnight of the working day <paramref name="days"/> working days after <paramref name="from"/>'s date:
    /// a date-only due date, as one-stop-shop systems store "hẹn trả ngày ...".</summary>
    public static DateTimeOffset MidnightAfter(DateTimeOffset from, int days)
    {
        var date = Local(from).Date;
        for (var added = 0; added < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                added++;
            }
        }

        return new DateTimeOffset(date, Offset);
    }

    /// <summary>"Within the day": by noon of the next working day.</summary>
    public static DateTimeOffset NextNoon(DateTimeOffset from) => MidnightAfter(from, 1).AddHours(12);

    /// <summary>To whole seconds: business dates do not carry sub-second noise, only the change timestamps do.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset instant)
    {
        var local = Local(instant);
        return local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
    }

    private static bool IsWorkingDay(DateTime date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
