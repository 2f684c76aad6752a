namespace IntegrationHub.Host.Inbound.Soap;

public static class InboundSoapNamespace
{
    public const string Value = "urn:integrationhub:inbound:v1";

    public const string Path = "/soap/inbound";

    /// <summary>The SOAP partner names itself in this HTTP header; the signature covers the body as sent.</summary>
    public const string PartnerHeader = "X-Partner";
}
