namespace IntegrationHub.Host.Storage;

/// <param name="Reference">The counterparty's reference of a delivered message (a tracking number, a receipt id).</param>
public sealed record MessageDeliveryState(string Destination, string Status, int Attempts, string? LastErrorCode, string? LastError, DateTimeOffset UpdatedAt, string? Reference);
