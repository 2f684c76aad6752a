namespace IntegrationHub.Host.Observability;

/// <summary>Hangfire jobs of the alert channel: the sweep (dead letters → alerts → mail) and the daily digest.</summary>
public sealed class AlertJobs(AlertSweep sweep, AlertDigest digest)
{
    public Task SweepAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);

    public Task DigestAsync(CancellationToken cancellationToken) => digest.SendAsync(cancellationToken);
}
