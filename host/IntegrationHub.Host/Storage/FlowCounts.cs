namespace IntegrationHub.Host.Storage;

/// <summary>Per flow: messages received, and deliveries delivered, skipped (nothing to write), failing (pending after a
/// failed attempt), dead-lettered, pending (including waiting), and waiting behind an older message of their record.</summary>
public sealed record FlowCounts(long Received, long Delivered, long Skipped, long Failed, long DeadLettered, long Pending, long Waiting);
