using System.Diagnostics;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Observability;

/// <summary>The spans of one delivery batch: an attempt span per message, in that message's own trace (from the
/// traceparent stored with it), tagged with its outcome. While the hub works on one message (its enrichment, a write of
/// it alone) that message's attempt is current, so the counterparty calls made for it are in its trace; a write of
/// several in one call is a batch span linked to each of their attempts.</summary>
public sealed class DeliveryTrace : IDisposable
{
    private readonly HubTracing _tracing;
    private readonly string _flowId;
    private readonly string _destination;
    private readonly Dictionary<long, Activity> _attempts = [];
    private readonly Dictionary<long, string> _traceIds = [];

    public DeliveryTrace(HubTracing tracing, string flowId, string destination, IReadOnlyList<PendingDelivery> batch)
    {
        _tracing = tracing;
        _flowId = flowId;
        _destination = destination;
        foreach (var delivery in batch)
        {
            var attempt = tracing.StartDeliveryAttempt(flowId, destination, delivery.MessageId, delivery.Attempts + 1, delivery.TraceParent);
            if (attempt is not null)
            {
                _attempts[delivery.MessageId] = attempt;
            }

            _traceIds[delivery.MessageId] = attempt?.TraceId.ToHexString() ?? HubTracing.TraceIdOf(delivery.TraceParent) ?? string.Empty;
        }
    }

    /// <summary>A log scope naming the message and its trace.</summary>
    public Dictionary<string, object> ScopeOf(long messageId) => new()
    {
        ["MessageId"] = messageId,
        ["TraceId"] = _traceIds.GetValueOrDefault(messageId, string.Empty),
    };

    /// <summary>Makes the message's attempt current until disposed.</summary>
    public IDisposable Enter(long messageId) => new CurrentSpan(_attempts.GetValueOrDefault(messageId), ownsSpan: false);

    /// <summary>Makes current, until disposed, what a write of these messages belongs to: the attempt of a message
    /// written alone, or a batch span linked to each message's attempt.</summary>
    public IDisposable EnterWrite(IReadOnlyList<long> messageIds)
    {
        if (messageIds.Count == 1)
        {
            return Enter(messageIds[0]);
        }

        var batch = _tracing.StartDeliveryBatch(_flowId, _destination, messageIds.Select(id => _attempts.GetValueOrDefault(id)).OfType<Activity>());
        batch?.SetTag("integrationhub.batch_size", messageIds.Count);
        return new CurrentSpan(batch, ownsSpan: true);
    }

    /// <summary>Tags each attempt with what became of it; failures mark the span as an error.</summary>
    public void Record(IEnumerable<DeliveryResult> results)
    {
        foreach (var result in results)
        {
            if (!_attempts.TryGetValue(result.MessageId, out var attempt))
            {
                continue;
            }

            attempt.SetTag("integrationhub.outcome", result.Event);
            if (result.ErrorCode is { } code)
            {
                attempt.SetTag("error.type", code);
                attempt.SetStatus(ActivityStatusCode.Error, code);
            }
        }
    }

    public void Dispose()
    {
        foreach (var attempt in _attempts.Values)
        {
            HubTracing.End(attempt);
        }
    }

    /// <summary>A span made current for a while; the span that was current before comes back.</summary>
    private sealed class CurrentSpan : IDisposable
    {
        private readonly Activity? _previous = Activity.Current;
        private readonly Activity? _span;
        private readonly bool _ownsSpan;

        public CurrentSpan(Activity? span, bool ownsSpan)
        {
            _span = span;
            _ownsSpan = ownsSpan;
            if (span is not null)
            {
                Activity.Current = span;
            }
        }

        public void Dispose()
        {
            if (_ownsSpan)
            {
                _span?.Stop();
            }

            Activity.Current = _previous;
        }
    }
}
