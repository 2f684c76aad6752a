namespace IntegrationHub.Host.Configuration;

/// <summary>Periodic connectivity checks of every connector (<c>Hub:Connectivity</c>).</summary>
public sealed class ConnectivityOptions
{
    /// <summary>Quartz cron, in the default time zone. Each check is one cheap call (a ping, a login).</summary>
    public string Schedule { get; set; } = "0 0/5 * * * ?";

    /// <summary>How long one check may take before it counts as failed (Transient).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
