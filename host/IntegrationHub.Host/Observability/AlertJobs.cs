namespace IntegrationHub.Host.Observability;

/// <summary>Hangfire jobs of the alert channel: the sweep (dead letters → alerts → mail) and the daily digest.</summary>
public sealed class AlertJobs(AlertSweep sweep, AlertDigest digest)
{
    /// <summary>Not retried by Hangfire: the next sweep, a minute later, is the retry.</summary>
    [Hangfire.AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);

    public Task DigestAsync(CancellationToken cancellationToken) => digest.SendAsync(cancellationToken);
}
