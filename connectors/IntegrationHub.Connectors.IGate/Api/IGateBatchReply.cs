namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Reply of every <c>POST /api/v1/{stream}/batch</c>: one result per item, matched by idempotency key.</summary>
internal sealed record IGateBatchReply(IReadOnlyList<IGateItemResult>? Results);
