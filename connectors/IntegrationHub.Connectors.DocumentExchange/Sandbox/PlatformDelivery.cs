namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A document's delivery to one addressee: listed until the addressee acknowledges it (01 or 02).</summary>
internal sealed class PlatformDelivery(string organId, bool simulated)
{
    public string OrganId { get; } = organId;

    /// <summary>An agency the sandbox plays: it answers by itself.</summary>
    public bool Simulated { get; } = simulated;

    public int TimesListed { get; set; }

    public int TimesFetched { get; set; }

    public bool Acknowledged { get; set; }

    public EdXmlStatusCode? LastStatus { get; set; }
}
