using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A document a simulated agency sends (<c>POST /sandbox/received</c>): defaults are the first simulated
/// agency to the province, one small PDF.</summary>
public sealed record PlantRequest(string? From = null, string? To = null, string? Subject = null, IReadOnlyList<SandboxAttachmentSpec>? Attachments = null);
