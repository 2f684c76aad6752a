namespace IntegrationHub.Host.Storage;

/// <summary>Per flow: messages received, and deliveries delivered, failing (pending after a failed attempt), dead-lettered, pending.</summary>
public sealed record FlowCounts(long Received, long Delivered, long Failed, long DeadLettered, long Pending);
