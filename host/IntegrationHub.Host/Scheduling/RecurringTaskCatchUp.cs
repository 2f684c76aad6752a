using System.Collections.Concurrent;
using Hangfire;

namespace IntegrationHub.Host.Scheduling;

/// <summary>The run of a module task held by a maintenance window, at the window's end: once per task and time on this
/// host, however many of its firings the window held (a five-minute sweep meets a two-hour window 24 times).</summary>
public sealed class RecurringTaskCatchUp(IBackgroundJobClient jobs)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _scheduledAt = new(StringComparer.Ordinal);

    /// <returns>The job scheduled, or null when one was already.</returns>
    public string? ScheduleOnce(string task, DateTimeOffset at)
    {
        if (_scheduledAt.TryGetValue(task, out var scheduled) && scheduled == at)
        {
            return null;
        }

        _scheduledAt[task] = at;
        return jobs.Schedule<RecurringTaskJob>(job => job.RunAsync(task, CancellationToken.None), at);
    }
}
