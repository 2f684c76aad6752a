namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;

/// <summary>The login body as the sandbox reads it (names matched case-insensitively).</summary>
internal sealed record SandboxLoginRequest(string? Username, string? Password);
