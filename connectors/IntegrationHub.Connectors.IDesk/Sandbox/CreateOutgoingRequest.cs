using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>An officer sends a document (<c>POST /sandbox/outgoing</c>): addressees (default
/// <see cref="IDeskSandboxOptions.DefaultAddressees"/>), subject, attachments (default one small PDF).</summary>
public sealed record CreateOutgoingRequest(IReadOnlyList<string>? To = null, string? Subject = null, IReadOnlyList<SandboxAttachmentSpec>? Attachments = null);
