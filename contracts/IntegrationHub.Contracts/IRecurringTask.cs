namespace IntegrationHub.Contracts;

/// <summary>Periodic work a module contributes (a reconciliation, a sweep of open payments). The host's Quartz fires it
/// on its cron schedule (clustered: once across hosts) and Hangfire runs it (retries, dashboard).</summary>
public interface IRecurringTask
{
    /// <exception cref="Exception">Any failure is retried by Hangfire as a failed job.</exception>
    Task RunAsync(CancellationToken cancellationToken);
}
