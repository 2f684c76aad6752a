using System.Text.Json.Serialization;

namespace IntegrationHub.Host.Calendar;

/// <summary>A day that is not an ordinary Monday–Friday working day or weekend: a day off, or a weekend day worked.
/// <see cref="Kind"/> is one of <see cref="CalendarDayKinds"/>.</summary>
public sealed record CalendarDay(DateOnly Date, string Name, string Kind)
{
    [JsonIgnore]
    public bool IsDayOff => Kind != CalendarDayKinds.WorkingSaturday;
}
