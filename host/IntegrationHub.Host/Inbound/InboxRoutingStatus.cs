namespace IntegrationHub.Host.Inbound;

/// <summary>Whether routing keeps up: parked messages, and how long the oldest message a flow reads has waited.</summary>
/// <param name="OldestParkedId">Names the parking episode (it changes only when that message is replayed or discarded).</param>
/// <param name="OldestWait">Null when no such message waits.</param>
public sealed record InboxRoutingStatus(long Parked, long? OldestParkedId, TimeSpan? OldestWait);
