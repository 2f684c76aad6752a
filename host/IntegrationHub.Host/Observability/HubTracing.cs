using System.Diagnostics;

namespace IntegrationHub.Host.Observability;

/// <summary>Owns the hub's <see cref="ActivitySource"/> and starts its spans. A message's trace is carried as a W3C
/// traceparent stored with it (<c>hub.inbox</c>, <c>hub.messages</c>), so work done later, in another thread or host
/// (routing, Hangfire's delivery jobs), continues the same trace.</summary>
public sealed class HubTracing : IDisposable
{
    private readonly ActivitySource _source = new(HubInstruments.Name);

    /// <summary>A flow run, current while it reads (its source's calls are its children). A Hangfire job has no span
    /// around it, so this starts a trace; the messages it reads each start their own, linked to it.</summary>
    public Activity? StartRun(string flowId, long runId, string trigger)
    {
        var activity = _source.StartActivity($"flow run {flowId}", ActivityKind.Internal);
        activity?.SetTag("integrationhub.flow", flowId).SetTag("integrationhub.run_id", runId).SetTag("integrationhub.trigger", trigger);
        return activity;
    }

    /// <summary>The first span of a message a flow run read: a trace of its own, linked to the run. Not made current.</summary>
    public Activity? StartMessageRead(string flowId, Activity? run)
    {
        ActivityLink[]? links = run is null ? null : [new ActivityLink(run.Context)];
        var activity = StartDetached($"read {flowId}", ActivityKind.Consumer, default, links);
        activity?.SetTag("integrationhub.flow", flowId);
        return activity;
    }

    /// <summary>A partner's push being made durable, a child of the request's span (which continues the partner's
    /// traceparent); it becomes current, as its caller waits for the commit.</summary>
    public Activity? StartInboundReceipt(string partner, string messageType)
    {
        var activity = _source.StartActivity($"receive {partner}/{messageType}", ActivityKind.Internal);
        activity?.SetTag("integrationhub.partner", partner).SetTag("integrationhub.message_type", messageType);
        return activity;
    }

    /// <summary>An inbox message routed into its flows: a child of its receipt (or a new trace when it came with none,
    /// e.g. written by a module). Not made current.</summary>
    public Activity? StartRoute(string source, long inboxId, string? receiptTraceParent)
    {
        var activity = StartDetached($"route {source}", ActivityKind.Consumer, ContextOf(receiptTraceParent), links: null);
        activity?.SetTag("integrationhub.source", source).SetTag("integrationhub.inbox_id", inboxId);
        return activity;
    }

    /// <summary>One delivery attempt of a message: a child of the message's stored context. Not made current.</summary>
    public Activity? StartDeliveryAttempt(string flowId, string destination, long messageId, int attempt, string? messageTraceParent)
    {
        var activity = StartDetached($"deliver {destination}", ActivityKind.Producer, ContextOf(messageTraceParent), links: null);
        activity?.SetTag("integrationhub.flow", flowId).SetTag("integrationhub.destination", destination)
            .SetTag("integrationhub.message_id", messageId).SetTag("integrationhub.attempt", attempt);
        return activity;
    }

    /// <summary>A write of several messages in one call: linked to each message's attempt (the messaging convention for
    /// batches), so its counterparty calls are found from every message's trace. Not made current.</summary>
    public Activity? StartDeliveryBatch(string flowId, string destination, IEnumerable<Activity> attempts)
    {
        var activity = StartDetached($"deliver batch {destination}", ActivityKind.Producer, default, [.. attempts.Select(a => new ActivityLink(a.Context))]);
        activity?.SetTag("integrationhub.flow", flowId).SetTag("integrationhub.destination", destination);
        return activity;
    }

    /// <summary>One call to a counterparty through its pipeline (retries are its HTTP children), under the current span.</summary>
    public Activity? StartCounterpartyCall(string counterpartyId)
    {
        var activity = _source.StartActivity($"call {counterpartyId}", ActivityKind.Internal);
        activity?.SetTag("integrationhub.counterparty", counterpartyId);
        return activity;
    }

    /// <summary>The W3C traceparent of <paramref name="activity"/>, to store with a message; a fresh one (not sampled)
    /// when nothing records spans, so every message still has a trace id to find its logs by.</summary>
    public static string TraceParentOf(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C, Id: { } id }
            ? id
            : $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";

    /// <summary>The trace id (32 hex digits) of a stored traceparent, or null.</summary>
    public static string? TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId.ToHexString() : null;

    public static ActivityContext ContextOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;

    /// <summary>Ends a span that may not be current without changing the current one (<see cref="Activity.Stop"/> alone
    /// would make the span's parent current, which for a message's span is nothing).</summary>
    public static void End(Activity? activity)
    {
        if (activity is null)
        {
            return;
        }

        var previous = Activity.Current;
        activity.Stop();
        Activity.Current = ReferenceEquals(previous, activity) ? activity.Parent : previous;
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Starts a span whose parent is <paramref name="parent"/> only (a new trace when default), not whatever is
    /// current, and leaves the current span as it was.</summary>
    private Activity? StartDetached(string name, ActivityKind kind, ActivityContext parent, IEnumerable<ActivityLink>? links)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            return _source.StartActivity(name, kind, parent, tags: null, links: links);
        }
        finally
        {
            Activity.Current = previous;
        }
    }
}
