namespace IntegrationHub.Host.Admin.Responses;

/// <summary>The answer of <c>POST /api/flows/{id}/run</c>: the Hangfire job that will run the flow.</summary>
public sealed record FlowRunAccepted(string FlowId, string? JobId);
