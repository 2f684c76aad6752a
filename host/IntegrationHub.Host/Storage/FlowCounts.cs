namespace IntegrationHub.Host.Storage;

/// <summary>Per flow: messages received, and deliveries delivered, failing (pending after a failed attempt),
/// dead-lettered, pending (including waiting), and waiting behind an older message of their record.</summary>
public sealed record FlowCounts(long Received, long Delivered, long Failed, long DeadLettered, long Pending, long Waiting);
