namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>What a sandbox knows of an attachment it holds: manifest data, length and SHA-256 (lower-case hex).</summary>
public sealed record StoredAttachment(string ContentId, string Name, string ContentType, long Length, string Sha256);
