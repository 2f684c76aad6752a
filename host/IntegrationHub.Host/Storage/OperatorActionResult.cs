namespace IntegrationHub.Host.Storage;

/// <summary>A replay or discard as recorded: its id (each message-log line points at it), who, why, how many.</summary>
public sealed record OperatorActionResult(long ActionId, string Action, string Operator, string Reason, int Count, IReadOnlyList<(string FlowId, string Destination)> Affected);
