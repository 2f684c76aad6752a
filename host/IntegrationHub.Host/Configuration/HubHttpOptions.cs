namespace IntegrationHub.Host.Configuration;

public sealed class HubHttpOptions
{
    /// <summary>Where the host listens; loopback by default so nothing is exposed until someone decides to.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Reverse proxies whose X-Forwarded-For is believed (IP addresses). Empty: none.</summary>
    public List<string> TrustedProxies { get; set; } = [];
}
