using System.Diagnostics;
using System.Diagnostics.Metrics;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Options;
using static IntegrationHub.Host.Observability.HubInstruments;

namespace IntegrationHub.Host.Observability;

/// <summary>Owns the hub's <see cref="Meter"/> ("IntegrationHub", from the host's <see cref="IMeterFactory"/>) and its
/// instruments: messages per flow and destination as they move, runs, the inbound gateway's refusals, counterparty calls,
/// and gauges of the backlog (<see cref="BacklogSampler"/>), the inbox depth and each circuit's state.</summary>
public sealed class HubMetrics
{
    private readonly Counter<long> _received;
    private readonly Counter<long> _inboundAccepted;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _recordsRead;
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _failedAttempts;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _deliveryLatency;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _callFailures;
    private readonly Histogram<double> _callDuration;
    private readonly HashSet<string> _partners;

    public HubMetrics(
        IMeterFactory meterFactory,
        BacklogSampler backlog,
        InboxPressure inbox,
        CounterpartyCallStatistics calls,
        IOptions<InboundOptions> inbound)
    {
        _partners = [.. inbound.Value.Partners.Keys];
        var meter = meterFactory.Create(Name);
        _received = meter.CreateCounter<long>(MessagesReceived, "{message}", "Messages created in a flow (read by a run, or routed from the inbox).");
        _inboundAccepted = meter.CreateCounter<long>(InboundAccepted, "{message}", "Messages partners pushed that the inbox stored (repeats not counted).");
        _refusals = meter.CreateCounter<long>(InboundRefusals, "{request}", "Inbound requests refused, by partner and problem code.");
        _recordsRead = meter.CreateCounter<long>(RecordsRead, "{record}", "Records flow runs read from their source (filtered ones included).");
        _runDuration = meter.CreateHistogram<double>(RunDuration, "s", "How long flow runs took, by outcome.");
        _delivered = meter.CreateCounter<long>(Delivered, "{message}", "Messages delivered to a destination.");
        _skipped = meter.CreateCounter<long>(Skipped, "{message}", "Messages a destination (or enricher) had nothing to do with.");
        _failedAttempts = meter.CreateCounter<long>(FailedAttempts, "{attempt}", "Delivery attempts that failed (transient or permanent).");
        _deadLettered = meter.CreateCounter<long>(DeadLettered, "{message}", "Messages that became dead letters.");
        _deliveryLatency = meter.CreateHistogram<double>(DeliveryLatency, "s", "From a message's receipt to its delivery.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400] });
        _calls = meter.CreateCounter<long>(CounterpartyCalls, "{call}", "Calls to a counterparty (attempts sent, and calls an open circuit refused).");
        _callFailures = meter.CreateCounter<long>(CounterpartyFailures, "{call}", "Failed counterparty calls by kind.");
        _callDuration = meter.CreateHistogram<double>(CounterpartyCallDuration, "s", "Duration of each attempt sent to a counterparty.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

        meter.CreateObservableGauge(OpenDeliveries, () => backlog.Current.OpenDeliveries.Select(d =>
            new Measurement<long>(d.Value, new KeyValuePair<string, object?>(FlowTag, d.Key.Flow), new KeyValuePair<string, object?>(DestinationTag, d.Key.Destination),
                new KeyValuePair<string, object?>(StatusTag, d.Key.Status))), "{message}", "Deliveries waiting: 'pending' (due or retrying) and 'waiting' (behind an earlier message of their record).");
        meter.CreateObservableGauge(InboxDepth, () => inbox.Depth, "{message}", "Inbox messages not yet routed into their flows.");
        meter.CreateObservableGauge(InboxParked, () => backlog.Current.Parked, "{message}", "Inbox messages the router could not route (parked).");
        meter.CreateObservableGauge(InboxOldestUnroutedAge, () => backlog.Current.OldestUnroutedAge?.TotalSeconds ?? 0, "s", "How long the oldest inbox message a flow reads has waited to be routed (0: none waits).");
        meter.CreateObservableGauge(CircuitState, () => calls.ConnectorIds.Select(id =>
            new Measurement<int>((int)calls.CircuitOf(id), new KeyValuePair<string, object?>(CounterpartyTag, id))), null, "Circuit breaker per counterparty: 0 closed, 1 open, 2 half-open.");
    }

    public void MessagesCreated(string flowId, long count)
    {
        if (count > 0)
        {
            _received.Add(count, new KeyValuePair<string, object?>(FlowTag, flowId));
        }
    }

    public void InboundStored(string partner, string messageType) =>
        _inboundAccepted.Add(1, new KeyValuePair<string, object?>(PartnerTag, partner), new KeyValuePair<string, object?>(MessageTypeTag, messageType));

    /// <summary>A refusal answered on <paramref name="context"/>: the partner is the route's (REST) or the X-Partner
    /// header's (SOAP).</summary>
    public void InboundRefused(HttpContext context, string code) =>
        InboundRefused(context.Request.RouteValues["partner"] as string ?? context.Request.Headers[Inbound.Soap.InboundSoapNamespace.PartnerHeader].FirstOrDefault(), code);

    /// <summary>A partner id that is not configured is counted as "unknown": a caller cannot grow the label set.</summary>
    public void InboundRefused(string? partner, string code) =>
        _refusals.Add(1, new KeyValuePair<string, object?>(PartnerTag, partner is not null && _partners.Contains(partner) ? partner : "unknown"),
            new KeyValuePair<string, object?>(CodeTag, code));

    public void RecordsReadBy(string flowId, long count)
    {
        if (count > 0)
        {
            _recordsRead.Add(count, new KeyValuePair<string, object?>(FlowTag, flowId));
        }
    }

    public void RunFinished(string flowId, string outcome, TimeSpan duration) =>
        _runDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(FlowTag, flowId), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    /// <summary>Dead letters a run or the router made at once (a record the hub cannot store), for each destination.</summary>
    public void DeadLetteredOnArrival(string flowId, IEnumerable<string> destinations, long count)
    {
        if (count > 0)
        {
            foreach (var destination in destinations)
            {
                _deadLettered.Add(count, Tags(flowId, destination));
            }
        }
    }

    /// <summary>What a delivery batch did, as recorded.</summary>
    /// <param name="receivedAt">Each message's receipt, for the delivered ones' latency.</param>
    public void DeliveriesRecorded(string flowId, string destination, IEnumerable<DeliveryResult> results, IReadOnlyDictionary<long, DateTimeOffset> receivedAt, DateTimeOffset now)
    {
        var tags = Tags(flowId, destination);
        foreach (var result in results)
        {
            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    _delivered.Add(1, tags);
                    if (receivedAt.TryGetValue(result.MessageId, out var received))
                    {
                        _deliveryLatency.Record(Math.Max(0, (now - received).TotalSeconds), tags);
                    }

                    break;
                case DeliveryStatus.Skipped:
                    _skipped.Add(1, tags);
                    break;
                case DeliveryStatus.Dead:
                    _failedAttempts.Add(1, tags);
                    _deadLettered.Add(1, tags);
                    break;
                case DeliveryStatus.Pending when result.Event == "attempt_failed":
                    _failedAttempts.Add(1, tags);
                    break;
            }
        }
    }

    /// <param name="duration">Null for a call refused without being sent.</param>
    public void CounterpartyCall(string counterpartyId, TimeSpan? duration, string? failureKind)
    {
        var counterparty = new KeyValuePair<string, object?>(CounterpartyTag, counterpartyId);
        _calls.Add(1, counterparty);
        if (duration is { } elapsed)
        {
            _callDuration.Record(elapsed.TotalSeconds, counterparty);
        }

        if (failureKind is not null)
        {
            _callFailures.Add(1, counterparty, new KeyValuePair<string, object?>(KindTag, failureKind));
        }
    }

    private static TagList Tags(string flowId, string destination) => new()
    {
        { FlowTag, flowId },
        { DestinationTag, destination },
    };
}
