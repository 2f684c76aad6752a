namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>Turns one message payload into one batch item under <paramref name="idempotencyKey"/>.</summary>
/// <returns>Null, with <paramref name="problem"/> saying why, when the payload cannot be mapped.</returns>
internal delegate TItem? IGateItemMap<TItem>(string idempotencyKey, string payload, out string? problem)
    where TItem : class;
