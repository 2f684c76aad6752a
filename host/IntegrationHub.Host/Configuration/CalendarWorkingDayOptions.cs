namespace IntegrationHub.Host.Configuration;

/// <summary>A Saturday or Sunday a government decision makes a working day (to swap it for a day off).</summary>
public sealed class CalendarWorkingDayOptions
{
    public string? Date { get; set; }

    public string? Name { get; set; }
}
