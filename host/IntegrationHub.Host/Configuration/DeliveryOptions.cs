namespace IntegrationHub.Host.Configuration;

public sealed class DeliveryOptions
{
    /// <summary>Messages per destination call (a connector may ask for fewer).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Transient failures of one message before it becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 25;

    /// <summary>Wait before a message that failed transiently is offered again (doubles per attempt up to <see cref="MaxRetryBackoff"/>).</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Benchmark baseline only: one Hangfire job per message instead of batches drained by one job.</summary>
    public bool JobPerMessage { get; set; }

    /// <summary>Records buffered by a run before they are written without a checkpoint.</summary>
    public int MaxRecordsPerCommit { get; set; } = 1000;

    /// <summary>How often the cluster looks for due messages that no delivery job is handling (deferred retries,
    /// jobs that ran out of Hangfire retries).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
