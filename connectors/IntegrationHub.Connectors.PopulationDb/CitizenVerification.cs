namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>The outcome of a lookup. <see cref="Record"/> is null only when <see cref="Kind"/> is NotFound;
/// <see cref="Differences"/> is empty unless it is Mismatch.</summary>
public sealed record CitizenVerification(CitizenVerificationKind Kind, CitizenRecord? Record, IReadOnlyList<CitizenFieldDifference> Differences)
{
    public static CitizenVerification NotFound { get; } = new(CitizenVerificationKind.NotFound, null, []);

    public override string ToString() => $"CitizenVerification {{ Kind = {Kind}, Differences = [{string.Join(", ", Differences.Select(d => d.Field))}] }}";
}
