namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A status an agency posts, forced by a test (<c>POST /sandbox/statuses</c>); From defaults to the first
/// addressee of the document.</summary>
public sealed record ForceStatusRequest(string DocumentId, int StatusCode, string? From = null, string? Description = null);
