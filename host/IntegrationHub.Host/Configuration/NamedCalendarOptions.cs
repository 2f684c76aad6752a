namespace IntegrationHub.Host.Configuration;

/// <summary>A calendar a flow can name (<c>Hub:Calendar:Named:{name}</c>): the national working days, plus the
/// office's own days off (e.g. a provincial anniversary) and, for offices open on Saturdays, Saturdays.</summary>
public sealed class NamedCalendarOptions
{
    public bool WorksSaturdays { get; set; }

    public List<CalendarDaysOffOptions> DaysOff { get; set; } = [];
}
