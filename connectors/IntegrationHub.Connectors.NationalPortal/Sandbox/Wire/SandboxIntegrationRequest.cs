using System.Text.Json;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Wire;

/// <summary>The integration envelope as the sandbox reads it; <see cref="Data"/> items stay raw JSON for each service.</summary>
internal sealed record SandboxIntegrationRequest(string? Session, string? Madonvi, string? Service, bool IsUpdating, IReadOnlyList<JsonElement>? Data);
