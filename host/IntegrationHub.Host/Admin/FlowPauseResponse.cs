namespace IntegrationHub.Host.Admin;

/// <summary>Answer of <c>POST /api/flows/{id}/pause</c>: the flow is paused, recorded as operator action <paramref name="ActionId"/>.</summary>
public sealed record FlowPauseResponse(string FlowId, string State, FlowPauseView Pause, long ActionId);
