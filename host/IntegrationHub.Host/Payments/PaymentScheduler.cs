using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using IntegrationHub.Host.Scheduling;
using Quartz;

namespace IntegrationHub.Host.Payments;

/// <summary>At start: the QUERY and reconciliation triggers (cron in the province's time zone) as config says.</summary>
public sealed class PaymentScheduler(ISchedulerFactory schedulers, IOptions<PaymentsOptions> options, ILogger<PaymentScheduler> logger) : IHostedService
{
    private const string Group = "payments";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        foreach (var (task, cron) in new[] { (ScheduledWorkJob.PaymentQuery, options.Value.QuerySchedule), (ScheduledWorkJob.Reconciliation, options.Value.ReconcileSchedule) })
        {
            var (_, next) = await CronSchedule.EnsureAsync(scheduler, ScheduledWorkJob.For(task, Group), cron, zone, cancellationToken);
            logger.LogInformation("Payments {Task} scheduled '{Cron}' ({TimeZone}); next {Next:O}", task, cron, zone.Id, next);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
