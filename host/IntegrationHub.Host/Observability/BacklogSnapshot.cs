namespace IntegrationHub.Host.Observability;

/// <summary>What the backlog gauges show, as last read by <see cref="BacklogSampler"/>.</summary>
/// <param name="OpenDeliveries">Per (flow, destination, status 'pending' or 'waiting'); every configured pair is listed, 0 when empty.</param>
/// <param name="OldestUnroutedAge">How long the oldest inbox message a flow reads has waited to be routed; null when none waits.</param>
public sealed record BacklogSnapshot(
    IReadOnlyDictionary<(string Flow, string Destination, string Status), long> OpenDeliveries,
    long Parked,
    TimeSpan? OldestUnroutedAge)
{
    public static BacklogSnapshot Empty { get; } = new(new Dictionary<(string, string, string), long>(), 0, null);
}
