using System.Text.Json;

namespace IntegrationHub.Host.Admin.Responses;

/// <summary>One message: its payload (personal ids masked), its state per destination and its steps in order.</summary>
public sealed record MessageHistoryItem(
    long MessageId,
    string Flow,
    string RecordKey,
    string Version,
    DateTimeOffset ReceivedAt,
    JsonElement Payload,
    IReadOnlyList<MessageDeliveryItem> Deliveries,
    IReadOnlyList<MessageStepItem> Steps);
