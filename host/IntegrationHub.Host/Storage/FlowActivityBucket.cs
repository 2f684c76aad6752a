namespace IntegrationHub.Host.Storage;

/// <summary>One flow's hour: messages received, deliveries delivered, delivery attempts that failed (retried or
/// dead-lettered), deliveries dead-lettered (also on receipt) and skipped. <paramref name="Hour"/> is the hour's start, UTC.</summary>
public sealed record FlowActivityBucket(DateTimeOffset Hour, long Received, long Delivered, long FailedAttempts, long DeadLettered, long Skipped)
{
    public static FlowActivityBucket Empty(DateTimeOffset hour) => new(hour, 0, 0, 0, 0, 0);
}
