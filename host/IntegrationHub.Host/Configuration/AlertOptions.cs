namespace IntegrationHub.Host.Configuration;

/// <summary>Alerts by official e-mail (<c>Alerts</c> section). Without <c>Smtp:Host</c> alerts are only stored, shown and logged.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often dead letters are looked for and unsent alerts mailed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quartz cron of the daily digest, in <see cref="TimeZone"/>.</summary>
    public string DigestSchedule { get; set; } = "0 0 7 * * ?";

    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Circuit openings of one counterparty within this window are one incident (one mail).</summary>
    public TimeSpan CircuitIncidentWindow { get; set; } = TimeSpan.FromMinutes(30);
}
