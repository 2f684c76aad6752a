namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A replay or discard of parked inbox messages as recorded.</summary>
public sealed record ParkedInboxActionDone(string Action, long ActionId, int Affected, string Operator, string Reason);
