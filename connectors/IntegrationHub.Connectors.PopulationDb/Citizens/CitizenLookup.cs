namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>An audited lookup as admins see it: the personal id only masked.</summary>
public sealed record CitizenLookup(
    long Id,
    DateTimeOffset RequestedAt,
    string RequestedBy,
    string? FlowId,
    long? MessageId,
    string? Dossier,
    string PersonalIdMasked,
    string Outcome,
    IReadOnlyList<string> DifferingFields,
    string? FailureCode,
    int DurationMs,
    int Reveals);
