namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>One lookup to audit, as recorded.</summary>
/// <param name="RequestedBy"><c>flow:&lt;id&gt;</c> or <c>admin:&lt;user&gt;</c>.</param>
/// <param name="Outcome">match, mismatch, not_found or failed.</param>
/// <param name="Result">The citizen check written back (JSON); null when the lookup failed.</param>
public sealed record CitizenLookupEntry(
    DateTimeOffset RequestedAt,
    string RequestedBy,
    string? FlowId,
    long? MessageId,
    string? Dossier,
    string PersonalId,
    string DeclaredHash,
    string Outcome,
    IReadOnlyList<string> DifferingFields,
    string? FailureCode,
    int DurationMs,
    string? Result)
{
    public override string ToString() => $"CitizenLookupEntry {{ Dossier = {Dossier}, Outcome = {Outcome} }}";
}
