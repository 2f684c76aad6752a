namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>A procedure as iGate's local catalogue stores it (serialized camelCase). Upserted by <see cref="Code"/> (MaTTHC).</summary>
/// <param name="Agency">Names of the agencies that carry out the procedure; <paramref name="AgencyCode"/> is the first one's unit code.</param>
/// <param name="Source">Where the record came from; always "DVCQG" (the national portal) for this connector.</param>
internal sealed record IGateProcedure(
    string Code,
    string? Name,
    string? FieldCode,
    string? FieldName,
    string? ProcessingTime,
    IReadOnlyList<IGateFee> Fees,
    string? Agency,
    string? AgencyCode,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Documents,
    IReadOnlyList<string> LegalBasis,
    string Source);
