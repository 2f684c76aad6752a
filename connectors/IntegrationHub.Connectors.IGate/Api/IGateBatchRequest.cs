namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Body of <c>POST /api/v1/procedures/batch</c>.</summary>
internal sealed record IGateBatchRequest(IReadOnlyList<IGateBatchItem> Items);
