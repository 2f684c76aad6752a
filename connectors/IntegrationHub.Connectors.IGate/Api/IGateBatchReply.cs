namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Reply of <c>POST /api/v1/procedures/batch</c>: one result per item, matched by idempotency key.</summary>
internal sealed record IGateBatchReply(IReadOnlyList<IGateItemResult>? Results);
