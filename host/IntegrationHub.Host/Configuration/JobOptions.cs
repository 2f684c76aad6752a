namespace IntegrationHub.Host.Configuration;

/// <summary>Hangfire: workers, whole-run retries, pickup latency.</summary>
public sealed class JobOptions
{
    public int WorkerCount { get; set; } = 8;

    /// <summary>How often Hangfire retries a failed run or delivery job before it stays failed in the dashboard.</summary>
    public int RetryAttempts { get; set; } = 10;

    /// <summary>Delay before each retry; the last one repeats. Empty: 5, 15, 30, 60, 120, 300.
    /// (No default items here: the config binder appends to a list instead of replacing it.)</summary>
    public List<int> RetryDelaysSeconds { get; set; } = [];

    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A job whose server died is picked up again after this long.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
