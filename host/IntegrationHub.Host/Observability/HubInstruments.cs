namespace IntegrationHub.Host.Observability;

/// <summary>The names the hub's telemetry is found by: its <see cref="System.Diagnostics.Metrics.Meter"/> and
/// <see cref="System.Diagnostics.ActivitySource"/> (both "IntegrationHub", owned by <see cref="HubMetrics"/> and
/// <see cref="HubTracing"/>), its instruments and their tags. Prometheus shows a name with dots as underscores, a
/// counter with <c>_total</c> and a unit of seconds with <c>_seconds</c>.</summary>
public static class HubInstruments
{
    public const string Name = "IntegrationHub";

    /// <summary>Polly's own meter: circuit opened, closed and half-open as resilience events per pipeline (counterparty).</summary>
    public const string PollyMeter = "Polly";

    public const string MessagesReceived = "integrationhub.messages.received";
    public const string InboundAccepted = "integrationhub.inbound.accepted";
    public const string InboundRefusals = "integrationhub.inbound.refusals";
    public const string RecordsRead = "integrationhub.flow.records_read";
    public const string RunDuration = "integrationhub.flow.run.duration";
    public const string Delivered = "integrationhub.deliveries.delivered";
    public const string Skipped = "integrationhub.deliveries.skipped";
    public const string FailedAttempts = "integrationhub.deliveries.failed_attempts";
    public const string DeadLettered = "integrationhub.deliveries.dead_lettered";
    public const string DeliveryLatency = "integrationhub.delivery.latency";
    public const string OpenDeliveries = "integrationhub.deliveries.open";
    public const string InboxDepth = "integrationhub.inbox.depth";
    public const string InboxOldestUnroutedAge = "integrationhub.inbox.oldest_unrouted_age";
    public const string InboxParked = "integrationhub.inbox.parked";
    public const string CounterpartyCalls = "integrationhub.counterparty.calls";
    public const string CounterpartyFailures = "integrationhub.counterparty.failures";
    public const string CounterpartyCallDuration = "integrationhub.counterparty.call.duration";
    public const string CircuitState = "integrationhub.counterparty.circuit_state";

    public const string FlowTag = "flow";
    public const string DestinationTag = "destination";
    public const string StatusTag = "status";
    public const string OutcomeTag = "outcome";
    public const string PartnerTag = "partner";
    public const string MessageTypeTag = "message_type";
    public const string CodeTag = "code";
    public const string CounterpartyTag = "counterparty";
    public const string KindTag = "kind";
}
