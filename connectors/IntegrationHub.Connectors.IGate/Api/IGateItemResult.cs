namespace IntegrationHub.Connectors.IGate.Api;

/// <param name="Status">One of <see cref="IGateItemStatus"/>.</param>
/// <param name="ErrorCode">Set when <paramref name="Status"/> is "rejected".</param>
internal sealed record IGateItemResult(string? IdempotencyKey, string? Code, string? Status, string? ErrorCode = null, string? ErrorMessage = null);
