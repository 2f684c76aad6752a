using System.Collections.Concurrent;
using Hangfire;

namespace IntegrationHub.Host.Delivery;

/// <summary>Enqueues delivery jobs. A run commits many pages; one job drains them all, so enqueues during a run
/// are throttled (every Hangfire job costs ~15-20 database transactions).</summary>
public sealed class DeliveryDispatcher(IBackgroundJobClient jobs, TimeProvider timeProvider)
{
    private static readonly TimeSpan Throttle = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastEnqueued = new(StringComparer.Ordinal);

    public string Enqueue(string flowId, string destination)
    {
        _lastEnqueued[$"{flowId}|{destination}"] = timeProvider.GetUtcNow();
        return jobs.Enqueue<DeliveryJob>(job => job.RunAsync(flowId, destination, CancellationToken.None));
    }

    public void EnqueueThrottled(string flowId, string destination)
    {
        var key = $"{flowId}|{destination}";
        if (_lastEnqueued.TryGetValue(key, out var last) && timeProvider.GetUtcNow() - last < Throttle)
        {
            return;
        }

        Enqueue(flowId, destination);
    }
}
