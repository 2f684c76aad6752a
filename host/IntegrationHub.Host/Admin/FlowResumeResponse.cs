namespace IntegrationHub.Host.Admin;

/// <summary>Answer of <c>POST /api/flows/{id}/resume</c>: who resumed and why, the pause that was lifted, and the run
/// started to pick up where the flow stopped (when a run was stopped or a scheduled one refused while paused).</summary>
public sealed record FlowResumeResponse(string FlowId, string State, string ResumedBy, string Reason, FlowPauseView Lifted, string? RunJobId);
