namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>One hop of the document's route: which agency (or exchange node) handled it, and when.</summary>
public sealed record EdXmlTraceHeader
{
    public required string OrganId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
}
