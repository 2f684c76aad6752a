namespace IntegrationHub.Host.Configuration;

public sealed class HubSchedulingOptions
{
    /// <summary>The same on every host of one cluster: Quartz coordinates hosts by this name.</summary>
    public string SchedulerName { get; set; } = "IntegrationHub";

    public string DefaultTimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>A trigger later than this (host down) fires once at start, not once per missed slot.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);
}
