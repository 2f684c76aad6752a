namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>The media type of edXML bodies on the wire (designed: the reference fixes no transport).</summary>
public static class EdXmlMediaType
{
    public const string Value = "application/xml";
}
