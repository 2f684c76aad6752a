namespace IntegrationHub.Host.Storage;

/// <summary>A flow's hours over a window, oldest first, one bucket per hour (quiet hours are zeros).</summary>
public sealed record FlowActivitySeries(string FlowId, IReadOnlyList<FlowActivityBucket> Buckets);
