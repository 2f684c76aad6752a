using IntegrationHub.Connectors.IGate.Mapping;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>One postal tracking event in a batch; iGate applies a given <see cref="IdempotencyKey"/> once.</summary>
internal sealed record IGateDeliveryStatusItem(string IdempotencyKey, IGateDeliveryStatus DeliveryStatus);
