namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A replay or discard of dead letters as recorded: the action id each message's history links to, who, why.</summary>
public sealed record DeadLetterActionDone(bool DryRun, string Action, long ActionId, int Affected, string Operator, string Reason);
