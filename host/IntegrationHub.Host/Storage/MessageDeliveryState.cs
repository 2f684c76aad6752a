namespace IntegrationHub.Host.Storage;

public sealed record MessageDeliveryState(string Destination, string Status, int Attempts, string? LastErrorCode, string? LastError, DateTimeOffset UpdatedAt);
