namespace IntegrationHub.Host.Execution;

/// <summary>The answer to "run this flow now": the Hangfire job id of the new run, or of the one already running.</summary>
public sealed record FlowRunRequest(FlowRunRequestStatus Status, string? JobId);
