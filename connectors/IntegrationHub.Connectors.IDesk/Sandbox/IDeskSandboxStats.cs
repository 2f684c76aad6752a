namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>Counts of the iDesk sandbox (GET /sandbox/stats).</summary>
public sealed record IDeskSandboxStats(int Outgoing, int Incoming, int IncomingPosts, int StatusesApplied, int DuplicateStatuses, int StatusChanges);
