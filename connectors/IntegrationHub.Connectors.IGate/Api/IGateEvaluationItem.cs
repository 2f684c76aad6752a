using IntegrationHub.Connectors.IGate.Mapping;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>One evaluation in a batch; iGate applies a given <see cref="IdempotencyKey"/> once and answers "duplicate" after that.</summary>
internal sealed record IGateEvaluationItem(string IdempotencyKey, IGateEvaluation Evaluation);
