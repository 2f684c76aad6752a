namespace IntegrationHub.Host.Configuration;

/// <summary>Several hosts on one database (<c>Hub:Takeover</c>): how soon the work of a host that died is taken over.</summary>
public sealed class TakeoverOptions
{
    /// <summary>The longest a run left by a dead host stays <c>running</c> before another host marks it
    /// <c>abandoned</c> and starts its flow again from its checkpoint; its pending deliveries are swept as often.
    /// Every host checks three times within this time (a check costs a query on the few running rows).</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often each host looks for abandoned runs.</summary>
    public TimeSpan CheckInterval => After / 3;
}
