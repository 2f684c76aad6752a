using Hangfire;
using Quartz;

namespace IntegrationHub.Host.Payments;

/// <summary>Quartz decides when; this only enqueues the Hangfire job that does the work.</summary>
[DisallowConcurrentExecution]
public sealed class PaymentScheduleJob(IBackgroundJobClient jobs) : IJob
{
    public const string TaskKey = "task";
    public const string QueryTask = "query";
    public const string ReconcileTask = "reconcile";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        _ = context.MergedJobDataMap.GetString(TaskKey) switch
        {
            QueryTask => jobs.Enqueue<PaymentQueryJob>(j => j.RunAsync(CancellationToken.None)),
            ReconcileTask => jobs.Enqueue<ReconciliationJob>(j => j.RunAsync(null, CancellationToken.None)),
            var other => throw new JobExecutionException($"Unknown payment task '{other}'."),
        };
        return ValueTask.CompletedTask;
    }
}
