using System.Collections.Concurrent;
using System.Diagnostics;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Keeps every span the hub's own source, ASP.NET Core and HttpClient end in this process (an <see cref="ActivityListener"/>
/// that records everything), so a test can follow one trace.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "IntegrationHub" or "System.Net.Http" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> InTrace(string traceId) => [.. _ended.Where(a => a.TraceId.ToHexString() == traceId)];

    public IReadOnlyList<Activity> Named(string displayName) => [.. _ended.Where(a => a.DisplayName == displayName)];

    public void Dispose() => _listener.Dispose();
}
