namespace IntegrationHub.Host.Configuration;

/// <summary>One year's government decision (<c>Hub:Calendar:Years:{yyyy}</c>), on top of the statutory defaults.</summary>
public sealed class CalendarYearOptions
{
    public List<CalendarDaysOffOptions> DaysOff { get; set; } = [];

    public List<CalendarWorkingDayOptions> WorkingDays { get; set; } = [];
}
