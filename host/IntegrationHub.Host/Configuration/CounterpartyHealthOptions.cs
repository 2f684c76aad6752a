namespace IntegrationHub.Host.Configuration;

/// <summary>When a counterparty that fails every call is reported (<c>Hub:Counterparties</c>).</summary>
public sealed class CounterpartyHealthOptions
{
    /// <summary>A counterparty whose every call (on any host) has failed for this long raises one alert per episode and
    /// shows as failing on the connectors page, however few calls there were; a successful call ends the episode.</summary>
    public TimeSpan FailingAlertAfter { get; set; } = TimeSpan.FromMinutes(2);
}
