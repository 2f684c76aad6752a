using Hangfire;
using Quartz;

namespace IntegrationHub.Host.Observability;

/// <summary>Quartz decides when; this only enqueues the Hangfire job that does the work.</summary>
[DisallowConcurrentExecution]
public sealed class AlertScheduleJob(IBackgroundJobClient jobs) : IJob
{
    public const string TaskKey = "task";
    public const string SweepTask = "sweep";
    public const string DigestTask = "digest";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        _ = context.MergedJobDataMap.GetString(TaskKey) switch
        {
            SweepTask => jobs.Enqueue<AlertJobs>(j => j.SweepAsync(CancellationToken.None)),
            DigestTask => jobs.Enqueue<AlertJobs>(j => j.DigestAsync(CancellationToken.None)),
            var other => throw new JobExecutionException($"Unknown alert task '{other}'."),
        };
        return ValueTask.CompletedTask;
    }
}
