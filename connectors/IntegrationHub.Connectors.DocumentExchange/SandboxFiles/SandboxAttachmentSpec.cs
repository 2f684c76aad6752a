namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>An attachment a sandbox should make up: its name, type and size; the content is seeded pseudo-random bytes.</summary>
public sealed record SandboxAttachmentSpec(string Name, long Size, string ContentType = "application/pdf");
