namespace IntegrationHub.Host.Inbound;

/// <summary>An inbox message the router set aside, with the error that stopped it.</summary>
/// <param name="Attempts">How many times routing it failed (a replay that fails again adds one).</param>
public sealed record ParkedInboxMessage(
    long InboxId,
    Guid ReceiptId,
    string Partner,
    string MessageType,
    string PartnerMessageId,
    string? BusinessKey,
    DateTimeOffset ReceivedAt,
    string ErrorCode,
    string Error,
    int Attempts,
    DateTimeOffset FirstParkedAt,
    DateTimeOffset ParkedAt,
    string Payload);
