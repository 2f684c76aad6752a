using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Host.Storage;

/// <summary>An archived message as its JSON line holds it (the columns of hub.messages, its deliveries, its log lines with
/// the operator and reason of their action), so an archive reads back without the database.</summary>
public sealed record HistoryArchiveMessage(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("flow_id")] string FlowId,
    [property: JsonPropertyName("record_key")] string RecordKey,
    [property: JsonPropertyName("business_key")] string BusinessKey,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("received_at")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("trace_parent")] string? TraceParent,
    [property: JsonPropertyName("payload")] JsonElement Payload,
    [property: JsonPropertyName("deliveries")] IReadOnlyList<HistoryArchiveMessage.Delivery> Deliveries,
    [property: JsonPropertyName("steps")] IReadOnlyList<HistoryArchiveMessage.Step> Steps)
{
    public MessageHistory ToHistory() => new(Id, FlowId, RecordKey, BusinessKey, Version, ReceivedAt, Payload.GetRawText(),
        [.. Deliveries.Select(d => new MessageDeliveryState(d.Destination, d.Status, d.Attempts, d.LastErrorCode, d.LastError, d.UpdatedAt, d.Reference))],
        [.. Steps.Select(s => new MessageLogEntry(s.At, s.Event, s.Destination, s.Detail, s.DurationMs, s.ActionId, s.Operator, s.Reason))],
        Observability.HubTracing.TraceIdOf(TraceParent), Archived: true);

    public sealed record Delivery(
        [property: JsonPropertyName("destination")] string Destination,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("attempts")] int Attempts,
        [property: JsonPropertyName("last_error_code")] string? LastErrorCode,
        [property: JsonPropertyName("last_error")] string? LastError,
        [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
        [property: JsonPropertyName("reference")] string? Reference);

    public sealed record Step(
        [property: JsonPropertyName("at")] DateTimeOffset At,
        [property: JsonPropertyName("event")] string Event,
        [property: JsonPropertyName("destination")] string? Destination,
        [property: JsonPropertyName("detail")] string? Detail,
        [property: JsonPropertyName("duration_ms")] int? DurationMs,
        [property: JsonPropertyName("action_id")] long? ActionId,
        [property: JsonPropertyName("operator")] string? Operator,
        [property: JsonPropertyName("reason")] string? Reason);
}
