namespace IntegrationHub.Host.Inbound;

/// <summary>An authenticated partner request: who sent it and the nonce to remember with the message.</summary>
/// <param name="Signature">The request's signature headers as evidence (JSON: method, path, timestamp, nonce, signature,
/// body_sha256), stored with the message.</param>
public sealed record InboundCaller(string PartnerId, string Nonce, string? Signature = null);
