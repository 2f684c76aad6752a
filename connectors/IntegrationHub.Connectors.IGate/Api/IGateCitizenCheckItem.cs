using IntegrationHub.Connectors.IGate.Mapping;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>One citizen check in a batch; iGate applies a given <see cref="IdempotencyKey"/> once.</summary>
internal sealed record IGateCitizenCheckItem(string IdempotencyKey, IGateCitizenCheck CitizenCheck);
