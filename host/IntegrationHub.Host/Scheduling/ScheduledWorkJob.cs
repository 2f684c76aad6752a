using Hangfire;
using IntegrationHub.Host.Connectivity;
using IntegrationHub.Host.Modules;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Storage;
using Quartz;

namespace IntegrationHub.Host.Scheduling;

/// <summary>A Quartz trigger's only work for the hub's periodic tasks: enqueue the Hangfire job that does it. Quartz owns
/// when (cron in local time, clustered, misfires); Hangfire owns how (retries, dashboard).</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledWorkJob(IBackgroundJobClient jobs, ModuleContributions modules) : IJob
{
    public const string TaskKey = "task";
    public const string AlertSweep = "alerts:sweep";
    public const string AlertDigest = "alerts:digest";
    public const string AttachmentCleanup = "attachments:cleanup";
    public const string ConnectivityCheck = "connectors:check";
    public const string HistoryRetention = "history:retention";

    /// <summary>The durable job that enqueues <paramref name="task"/>, keyed by the task's name in <paramref name="group"/>.</summary>
    public static IJobDetail For(string task, string group) =>
        JobBuilder.Create<ScheduledWorkJob>().WithIdentity(new JobKey(task, group)).UsingJobData(TaskKey, task).StoreDurably().Build();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        _ = context.MergedJobDataMap.GetString(TaskKey) switch
        {
            AlertSweep => jobs.Enqueue<AlertJobs>(j => j.SweepAsync(CancellationToken.None)),
            AlertDigest => jobs.Enqueue<AlertJobs>(j => j.DigestAsync(CancellationToken.None)),
            AttachmentCleanup => jobs.Enqueue<AttachmentCleanupJob>(j => j.RunAsync(CancellationToken.None)),
            ConnectivityCheck => jobs.Enqueue<ConnectivityChecker>(c => c.CheckAllAsync(CancellationToken.None)),
            HistoryRetention => jobs.Enqueue<HistoryRetentionJob>(j => j.RunAsync(CancellationToken.None)),
            { } task when modules.RecurringTasks.Any(t => t.Name == task) => jobs.Enqueue<RecurringTaskJob>(j => j.RunAsync(task, CancellationToken.None)),
            var other => throw new JobExecutionException($"Unknown scheduled task '{other}'."),
        };
        return ValueTask.CompletedTask;
    }
}
