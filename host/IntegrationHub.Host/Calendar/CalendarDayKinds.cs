namespace IntegrationHub.Host.Calendar;

/// <summary>The kinds of <see cref="CalendarDay"/>, as <c>GET /api/calendar</c> writes them.</summary>
public static class CalendarDayKinds
{
    /// <summary>A public holiday of the Labour Code 2019, art. 112 (also when it falls on a weekend).</summary>
    public const string Holiday = "holiday";

    /// <summary>The next working day off, for a holiday that fell on a Saturday or Sunday.</summary>
    public const string CompensatoryDayOff = "compensatory_day_off";

    /// <summary>A weekday off by the year's decision that is not itself a holiday: Tết extended to the weekends, a swapped day.</summary>
    public const string DecidedDayOff = "decided_day_off";

    /// <summary>A Saturday (or Sunday) worked by the year's decision, in exchange for a day off.</summary>
    public const string WorkingSaturday = "working_saturday";
}
