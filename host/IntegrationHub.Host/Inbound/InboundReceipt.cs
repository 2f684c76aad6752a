namespace IntegrationHub.Host.Inbound;

/// <summary>What the hub answers once a message is durable. A repeat of the message id gets the same receipt.</summary>
public sealed record InboundReceipt(Guid ReceiptId, string Partner, string MessageType, string MessageId, DateTimeOffset ReceivedAt);
