namespace IntegrationHub.Host.Configuration;

/// <summary>Wake-ups across hosts (<c>Hub:Wake</c>): each host listens (PostgreSQL LISTEN) for commits that queued inbox
/// messages or created pending deliveries, and routes or delivers them at once instead of at its next poll.</summary>
public sealed class WakeOptions
{
    /// <summary>Off: routing and delivery wait for their polls and Hangfire jobs, as before (the benchmarks' baseline).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wait before the listener connects again after its connection dropped (doubles up to a minute); the polls
    /// carry on meanwhile, so a lost wake-up only costs a poll.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Flow+destination pairs this host delivers at once when woken (each holds two database connections).</summary>
    public int DeliveryWorkers { get; set; } = 4;

    public IEnumerable<string> Problems()
    {
        if (ReconnectDelay < TimeSpan.FromMilliseconds(100) || ReconnectDelay > TimeSpan.FromMinutes(1))
        {
            yield return "Hub:Wake:ReconnectDelay must be between 00:00:00.1 and 00:01:00.";
        }

        if (DeliveryWorkers is < 1 or > 64)
        {
            yield return "Hub:Wake:DeliveryWorkers must be between 1 and 64.";
        }
    }
}
