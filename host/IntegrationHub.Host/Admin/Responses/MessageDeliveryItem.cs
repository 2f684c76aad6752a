namespace IntegrationHub.Host.Admin.Responses;

/// <summary>A message's state for one destination.</summary>
/// <param name="Reference">The counterparty's reference of a delivered message (a receipt or tracking number).</param>
public sealed record MessageDeliveryItem(string Destination, string Status, int Attempts, string? Reference, string? LastErrorCode, string LastError, DateTimeOffset UpdatedAt);
