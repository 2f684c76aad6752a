namespace IntegrationHub.Host.Maintenance;

/// <summary>One occurrence of a counterparty's maintenance window: nothing is sent to or read from the connector
/// from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive).</summary>
/// <param name="Kind"><c>recurring</c> (from config) or <c>one-off</c> (added by an operator).</param>
/// <param name="Id">The one-off window's id; null for a recurring one.</param>
/// <param name="AddedBy">The operator who added a one-off window.</param>
public sealed record MaintenanceWindow(
    string ConnectorId,
    DateTimeOffset From,
    DateTimeOffset To,
    string Reason,
    string Kind,
    long? Id = null,
    string? AddedBy = null)
{
    public const string Recurring = "recurring";
    public const string OneOff = "one-off";

    public bool Covers(DateTimeOffset at) => From <= at && at < To;
}
