using System.Text.Json;

namespace IntegrationHub.Host.Admin.Responses;

/// <summary>One message: its payload (personal ids masked), its state per destination and its steps in order.</summary>
/// <param name="Archived">Read back from the archive (<c>archive=true</c>): past retention, no longer in the database.</param>
/// <param name="TraceId">The message's trace (W3C trace id, 32 hex digits): a partner's own when it sent a traceparent.</param>
public sealed record MessageHistoryItem(
    long MessageId,
    string Flow,
    string RecordKey,
    string Version,
    DateTimeOffset ReceivedAt,
    string? TraceId,
    JsonElement Payload,
    IReadOnlyList<MessageDeliveryItem> Deliveries,
    IReadOnlyList<MessageStepItem> Steps,
    bool Archived = false);
