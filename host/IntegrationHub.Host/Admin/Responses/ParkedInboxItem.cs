namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A received message the router set aside. The payload is masked text: a parked payload may be JSON
/// PostgreSQL refuses, so it is not parsed again.</summary>
public sealed record ParkedInboxItem(
    long InboxId,
    Guid ReceiptId,
    string Partner,
    string MessageType,
    string MessageId,
    string? BusinessKey,
    DateTimeOffset ReceivedAt,
    string ErrorCode,
    string Error,
    int Attempts,
    DateTimeOffset FirstParkedAt,
    DateTimeOffset ParkedAt,
    string Payload);
