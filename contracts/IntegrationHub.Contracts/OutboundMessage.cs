namespace IntegrationHub.Contracts;

/// <summary>A durable message handed to a destination.</summary>
/// <param name="IdempotencyKey">Stable across retries and replays of the same message to the same destination.</param>
/// <param name="Attempt">1 for the first delivery attempt.</param>
public sealed record OutboundMessage(long MessageId, string IdempotencyKey, string Key, string BusinessKey, string Payload, int Attempt);
