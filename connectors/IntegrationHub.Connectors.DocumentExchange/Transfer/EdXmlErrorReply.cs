namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>The JSON error both document systems answer with: <c>{"code":"malformed_xml","message":"..."}</c>;
/// edXML rejections use the <see cref="EdXmlErrorCodes"/> values.</summary>
public sealed record EdXmlErrorReply(string Code, string? Message);
