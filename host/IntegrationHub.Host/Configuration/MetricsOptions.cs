namespace IntegrationHub.Host.Configuration;

/// <summary>The Prometheus scrape endpoint <c>GET /metrics</c> and the backlog gauges (<c>Hub:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>A bearer token a scraper may send instead of the admin login (<c>Authorization: Bearer …</c>). A
    /// secret: set it in the environment (<c>Hub__Metrics__Token</c>), never in a file; it is never logged.</summary>
    public string? Token { get; set; }

    /// <summary>How often the backlog gauges (open deliveries per flow and destination, parked and oldest unrouted
    /// inbox message) are read from the database: one small indexed query each time, whatever the scrape rate.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<string> Problems()
    {
        if (Token is { Length: > 0 and < 16 })
        {
            yield return "Hub:Metrics:Token must be at least 16 characters (or empty: the admin login only).";
        }

        if (SampleInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return "Hub:Metrics:SampleInterval must be at least 00:00:00.1.";
        }
    }
}
