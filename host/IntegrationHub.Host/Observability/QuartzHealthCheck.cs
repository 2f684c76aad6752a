using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace IntegrationHub.Host.Observability;

public sealed class QuartzHealthCheck(ISchedulerFactory schedulerFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"Quartz scheduler {scheduler.SchedulerName} ({scheduler.SchedulerInstanceId})")
            : HealthCheckResult.Unhealthy($"The Quartz scheduler is {scheduler.Status}.");
    }
}
