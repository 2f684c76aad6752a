namespace IntegrationHub.Host.Configuration;

/// <summary>One recurring maintenance window of a counterparty, an item of <c>Connectors:{id}:Maintenance</c>, in the
/// hub's local time (<c>Hub:Scheduling:DefaultTimeZone</c>). An <see cref="End"/> at or before <see cref="Start"/>
/// ends on the next day (a nightly window across midnight).</summary>
public sealed class RecurringMaintenanceOptions
{
    /// <summary>Off: the window is documented in config but not applied.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The days the window starts on (<c>Monday</c> or <c>Mon</c>, ...); empty or <c>Daily</c> for every day.</summary>
    public List<string> Days { get; set; } = [];

    /// <summary>Local start, <c>HH:mm</c>.</summary>
    public string Start { get; set; } = string.Empty;

    /// <summary>Local end, <c>HH:mm</c>.</summary>
    public string End { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}
