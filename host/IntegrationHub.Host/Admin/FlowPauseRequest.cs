namespace IntegrationHub.Host.Admin;

/// <summary>Body of <c>POST /api/flows/{id}/pause</c> and <c>/resume</c>: why (recorded with the operator's name).</summary>
public sealed record FlowPauseRequest(string? Reason = null);
