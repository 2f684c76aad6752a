using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Host.Observability;

/// <summary>Ready when Hangfire's storage answers and at least one server has a fresh heartbeat.</summary>
public sealed class HangfireHealthCheck(JobStorage storage, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var fresh = servers.Count(s => s.Heartbeat is { } beat && timeProvider.GetUtcNow().UtcDateTime - beat < TimeSpan.FromMinutes(2));
            return Task.FromResult(fresh > 0
                ? HealthCheckResult.Healthy($"{fresh} Hangfire server(s)")
                : HealthCheckResult.Unhealthy("No Hangfire server has a recent heartbeat."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage is unreachable: " + e.Message));
        }
    }
}
