using IntegrationHub.Connectors.IGate.Mapping;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>One upsert in a batch; iGate applies a given <see cref="IdempotencyKey"/> once and answers "duplicate" after that.</summary>
internal sealed record IGateBatchItem(string IdempotencyKey, IGateProcedure Procedure);
