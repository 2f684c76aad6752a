namespace IntegrationHub.Host.Inbound;

/// <summary>An authenticated partner request: who sent it and the nonce to remember with the message.</summary>
public sealed record InboundCaller(string PartnerId, string Nonce);
