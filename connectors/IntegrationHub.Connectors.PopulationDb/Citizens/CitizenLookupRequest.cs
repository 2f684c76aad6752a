namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>One lookup to make and audit: what to ask, who asks (<c>flow:&lt;id&gt;</c> or <c>admin:&lt;user&gt;</c>) and
/// for which dossier and message.</summary>
public sealed record CitizenLookupRequest(CitizenQuery Query, string RequestedBy, string? FlowId, long? MessageId, string? Dossier)
{
    public override string ToString() => $"CitizenLookupRequest {{ RequestedBy = {RequestedBy}, Dossier = {Dossier} }}";
}
