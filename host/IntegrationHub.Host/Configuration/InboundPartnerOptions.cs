namespace IntegrationHub.Host.Configuration;

/// <summary>A national system allowed to push (<c>Inbound:Partners:{id}</c>). Key and secret come from the environment
/// or a secret store in production, never from files in the repository.</summary>
public sealed class InboundPartnerOptions
{
    public string? ApiKey { get; set; }

    /// <summary>HMAC-SHA256 key of the request signature.</summary>
    public string? Secret { get; set; }

    public bool Enabled { get; set; } = true;

    public Dictionary<string, InboundMessageTypeOptions> MessageTypes { get; set; } = new(StringComparer.Ordinal);
}
