namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>Who an <see cref="EdXmlHttpApi"/> talks to: the root URL, the API key and its header, and how the
/// counterparty is named in failures (<paramref name="Counterparty"/>) and codes (<paramref name="CodePrefix"/>).</summary>
public sealed record EdXmlHttpEndpoint(string BaseUrl, string ApiKeyHeader, string ApiKey, string Counterparty, string CodePrefix)
{
    public override string ToString() => $"{Counterparty} at {BaseUrl}";
}
