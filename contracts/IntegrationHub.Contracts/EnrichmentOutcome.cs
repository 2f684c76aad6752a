namespace IntegrationHub.Contracts;

/// <summary>What an enricher made of one message: a new payload for the destination, nothing to send (the message is
/// done), or a failure classified like a destination's (Transient retried, Permanent dead-lettered).</summary>
public sealed record EnrichmentOutcome(string? Payload, string? SkipReason, ConnectorFailure? Failure)
{
    public static EnrichmentOutcome Enriched(string payload) => new(payload, null, null);

    public static EnrichmentOutcome Skip(string reason) => new(null, reason, null);

    public static EnrichmentOutcome Failed(ConnectorFailure failure) => new(null, null, failure);
}
