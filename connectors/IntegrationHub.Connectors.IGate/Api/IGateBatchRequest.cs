namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Body of every <c>POST /api/v1/{stream}/batch</c>: <c>{"items":[{"idempotencyKey", "&lt;subject&gt;":{...}}]}</c>.</summary>
internal sealed record IGateBatchRequest<TItem>(IReadOnlyList<TItem> Items);
