namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>An edXML message was rejected; <see cref="Code"/> is one of <see cref="EdXmlErrorCodes"/>.</summary>
public sealed class EdXmlException : Exception
{
    public EdXmlException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public string Code { get; }
}
