using System.Collections.Concurrent;
using Hangfire;
using IntegrationHub.Host.Maintenance;

namespace IntegrationHub.Host.Delivery;

/// <summary>Enqueues delivery jobs. A run commits many pages; one job drains them all, so enqueues during a run
/// are throttled (every Hangfire job costs ~15-20 database transactions). While the wake-up listener listens, the commits
/// themselves wake a delivery loop (see <see cref="WakeListener"/>), so the enqueues made after each commit are left out.</summary>
public sealed class DeliveryDispatcher(IBackgroundJobClient jobs, WakeListenerState wake, WindowEndJobs windowEnds, TimeProvider timeProvider)
{
    private static readonly TimeSpan Throttle = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastEnqueued = new(StringComparer.Ordinal);

    public string Enqueue(string flowId, string destination)
    {
        _lastEnqueued[$"{flowId}|{destination}"] = timeProvider.GetUtcNow();
        return jobs.Enqueue<DeliveryJob>(job => job.RunAsync(flowId, destination, CancellationToken.None));
    }

    /// <summary>A delivery that failed outside Hangfire: a job after <paramref name="delay"/>, as Hangfire would retry
    /// its own failed job (and from then on its retries and the dashboard take over).</summary>
    public string Retry(string flowId, string destination, TimeSpan delay) =>
        jobs.Schedule<DeliveryJob>(job => job.RunAsync(flowId, destination, CancellationToken.None), delay);

    /// <summary>A job at <paramref name="at"/> (a maintenance window's end) that delivers what the window held (see
    /// <see cref="DeliveryRunner.ResumeAsync"/>), once per flow, destination and time on this host however often the
    /// delivery is asked for meanwhile.</summary>
    /// <returns>The job scheduled, or null when one was already.</returns>
    public string? ScheduleOnce(string flowId, string destination, DateTimeOffset at) =>
        windowEnds.ScheduleOnce($"delivery:{flowId}|{destination}", at,
            due => jobs.Schedule<DeliveryJob>(job => job.ResumeAsync(flowId, destination, CancellationToken.None), due));

    /// <summary>A maintenance window ended early: what it held goes now (see <see cref="DeliveryRunner.ResumeAsync"/>).</summary>
    public string EnqueueResume(string flowId, string destination) =>
        jobs.Enqueue<DeliveryJob>(job => job.ResumeAsync(flowId, destination, CancellationToken.None));

    /// <summary>After a commit that created pending deliveries: a job at most once a second per flow and destination,
    /// none while the commit's own notification wakes the delivery.</summary>
    public void EnqueueThrottled(string flowId, string destination)
    {
        if (!wake.Listening)
        {
            EnqueueJobThrottled(flowId, destination);
        }
    }

    /// <summary>After a burst of commits (their last throttled enqueue may have been swallowed): a job, unless the commits'
    /// own notifications woke the delivery.</summary>
    public void EnqueueUnlessWoken(string flowId, string destination)
    {
        if (!wake.Listening)
        {
            Enqueue(flowId, destination);
        }
    }

    /// <summary>A job at most once a second per flow and destination, whether or not the listener listens.</summary>
    public void EnqueueJobThrottled(string flowId, string destination)
    {
        var key = $"{flowId}|{destination}";
        if (_lastEnqueued.TryGetValue(key, out var last) && timeProvider.GetUtcNow() - last < Throttle)
        {
            return;
        }

        Enqueue(flowId, destination);
    }
}
