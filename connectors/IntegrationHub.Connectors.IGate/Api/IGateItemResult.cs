namespace IntegrationHub.Connectors.IGate.Api;

/// <param name="Status">One of <see cref="IGateItemStatus"/>.</param>
/// <param name="ErrorCode">Set when <paramref name="Status"/> is "rejected".</param>
/// <param name="Reference">iGate's own number for what it recorded, when it gives one (a payment's receipt number,
/// "soBienLai"; designed: iGate publishes no specification). Passed on as the delivery's reference.</param>
internal sealed record IGateItemResult(
    string? IdempotencyKey, string? Code, string? Status, string? ErrorCode = null, string? ErrorMessage = null, string? Reference = null);
